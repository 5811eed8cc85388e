package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import io.jenkins.plugins.awsdeploy.engine.aws.AutoScalingGroup;
import io.jenkins.plugins.awsdeploy.engine.aws.AutoScalingPort;
import io.jenkins.plugins.awsdeploy.engine.aws.Capacity;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.GroupInstance;
import io.jenkins.plugins.awsdeploy.engine.aws.TargetHealthSummary;
import io.jenkins.plugins.awsdeploy.engine.aws.TemplateVersion;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two EC2 Auto Scaling groups, one per side, each registering its instances in its own target group. A side's
 * revision is the launch template version its group launches ({@code lt-0abc…:7}). Its targets are judged by the
 * group's own instances: a target group may still list instances the group no longer has (draining in AWS, kept
 * healthy for ever by moto), and those are no backends of the side.
 */
record AsgFleet(AutoScalingPort asg, BlueGreenSpec spec) implements Fleet {

    /** The tag that remembers a group's size before blue/green scaled it to 0, {@code min=2,desired=3,max=6}. */
    static final String CAPACITY_TAG = "aws-deploy:capacity-before-scale-down";

    @Override
    public SideState read(Colour side) {
        String name = spec.service(side);
        AutoScalingGroup g = asg.group(name).orElse(null);
        if (g == null) return SideState.gone(name);
        String version = g.templateVersion();
        List<String> unsettled = new ArrayList<>();
        Map<String, Integer> otherVersions = new TreeMap<>();
        int running = 0;
        for (GroupInstance i : g.instances()) {
            boolean onVersion = i.templateVersion() == null || i.templateVersion().equals(version);
            if (!onVersion) otherVersions.merge(i.templateVersion(), 1, Integer::sum);
            if (onVersion && i.inService()) running++;
        }
        otherVersions.forEach((v, n) -> unsettled.add(n + " instance(s) of version " + v));
        return new SideState(name, true, revisionOf(g), unsettled, g.capacity().desired(), running,
                targets(g, spec.targetGroup(side)), "instance");
    }

    @Override
    public void update(BlueGreenCheckpoint cp, Colour side, String revision) {
        asg.update(spec.service(side), templateId(revision), version(revision), cp.capacity());
    }

    @Override
    public Readiness readiness(Colour side, String revision, Instant since) {
        String name = spec.service(side);
        AutoScalingGroup g = asg.group(name).orElse(null);
        if (g == null) return new Readiness(Readiness.State.CHANGED, name + " no longer exists");
        if (!revision.equals(revisionOf(g))) {
            return new Readiness(Readiness.State.CHANGED, name + " launches " + revisionOf(g) + " instead of " + revision);
        }
        String wanted = Long.toString(version(revision));
        int desired = g.capacity().desired();
        List<String> missing = new ArrayList<>();
        int inService = 0;
        Map<String, Integer> others = new TreeMap<>();
        for (GroupInstance i : g.instances()) {
            if (i.templateVersion() != null && !i.templateVersion().equals(wanted)) {
                others.merge("version " + i.templateVersion(), 1, Integer::sum);
            } else if (i.inService()) {
                inService++;
            } else {
                others.merge(i.lifecycle() + ("Healthy".equalsIgnoreCase(i.health()) ? "" : " " + i.health()), 1, Integer::sum);
            }
        }
        if (desired == 0) missing.add(name + " wants 0 instances");
        String instances = inService + "/" + desired + " instances InService on version " + wanted;
        if (inService != desired) missing.add(instances);
        others.forEach((what, n) -> missing.add(n + " instance(s) " + what));
        TargetHealthSummary targets = targets(g, spec.targetGroup(side));
        String health = SideState.healthOf(targets, desired, "instance");
        if (!targets.allHealthy() || targets.healthy() < desired) missing.add(health);
        List<String> foreign = strangers(g, spec.targetGroup(side));
        if (!foreign.isEmpty()) missing.add(strangersText(spec.targetGroup(side), foreign, name));
        if (missing.isEmpty()) return new Readiness(Readiness.State.READY, instances + ", " + health);
        return new Readiness(Readiness.State.WAITING, String.join(", ", missing));
    }

    @Override
    public int scaleToZero(BlueGreenCheckpoint cp, Colour side) {
        String name = spec.service(side);
        AutoScalingGroup g = asg.group(name).orElseThrow(() -> new IllegalStateException(name + " no longer exists"));
        Capacity before = g.capacity();
        if (before.desired() > 0 || before.min() > 0) {
            // Written before the change: a rollback after the scale-down must find the size even when this process is gone.
            asg.tag(name, Map.of(CAPACITY_TAG, capacityTag(before)));
        }
        asg.resize(name, new Capacity(0, 0, before.max()));
        return asg.group(name).orElseThrow(() -> new IllegalStateException(name + " no longer exists")).capacity().desired();
    }

    @Override
    public String restoreCommand(BlueGreenCheckpoint cp, Colour side) {
        Capacity c = cp.capacity() == null ? new Capacity(1, 1, 1) : cp.capacity();
        String revision = cp.fromTaskDefinition();
        return "aws autoscaling update-auto-scaling-group --auto-scaling-group-name " + spec.service(side)
                + " --launch-template LaunchTemplateId=" + templateId(revision) + ",Version=" + version(revision)
                + " --min-size " + c.min() + " --desired-capacity " + Math.max(1, c.desired()) + " --max-size " + c.max();
    }

    @Override
    public String scaleToZeroByHand(Colour side) {
        return "aws autoscaling update-auto-scaling-group --auto-scaling-group-name " + spec.service(side)
                + " --min-size 0 --desired-capacity 0";
    }

    @Override
    public String recordKnownGood(Colour side, String revision) {
        String name = spec.service(side);
        AutoScalingGroup g = asg.group(name).orElseThrow(() -> new IllegalStateException(name + " no longer exists"));
        if (!revision.equals(revisionOf(g))) {
            throw new IllegalStateException(name + " now launches " + revisionOf(g) + ", not " + revision
                    + "; someone else changed it");
        }
        asg.tag(name, Map.of(KnownGoodTag.KEY, revision));
        return asg.group(name).map(x -> x.tags().get(KnownGoodTag.KEY)).orElse(null);
    }

    /** {@code min=2,desired=3,max=6}. */
    static String capacityTag(Capacity c) {
        return "min=" + c.min() + ",desired=" + c.desired() + ",max=" + c.max();
    }

    /** The launch template version the group launches, as a revision; its version as the group names it. */
    static String revisionOf(AutoScalingGroup g) {
        return g.templateId() + ":" + g.templateVersion();
    }

    static String templateId(String revision) {
        return revision.substring(0, revision.lastIndexOf(':'));
    }

    static long version(String revision) {
        return Long.parseLong(revision.substring(revision.lastIndexOf(':') + 1));
    }

    static String revision(TemplateVersion v) {
        return v.revision();
    }

    /**
     * Targets of the target group that would take traffic (any state but draining or unused) and are no instances of
     * the group: once the side is switched to, the load balancer sends them their share of production traffic.
     */
    List<String> strangers(AutoScalingGroup g, String targetGroup) {
        Map<String, String> all = asg.targets(targetGroup);
        List<String> own = g.instances().stream().map(GroupInstance::id).toList();
        return all.entrySet().stream().filter(e -> !own.contains(e.getKey()))
                .filter(e -> !"draining".equals(e.getValue()) && !"unused".equals(e.getValue()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").sorted().toList();
    }

    static String strangersText(String targetGroup, List<String> strangers, String group) {
        return ForwardWeights.shortName(targetGroup) + " also has target(s) "
                + String.join(", ", strangers) + " that are no instances of " + group + "; they would take production "
                + "traffic too (deregister them: aws elbv2 deregister-targets --target-group-arn " + targetGroup
                + " --targets Id=...)";
    }

    /** The target states of the group's own instances in its target group; one not registered counts as {@code unused}. */
    private TargetHealthSummary targets(AutoScalingGroup g, String targetGroup) {
        Map<String, String> all = asg.targets(targetGroup);
        Map<String, Integer> byState = new TreeMap<>();
        for (GroupInstance i : g.instances()) {
            if (i.lifecycle() != null && i.lifecycle().startsWith("Terminat")) continue;
            byState.merge(all.getOrDefault(i.id(), "unused"), 1, Integer::sum);
        }
        return new TargetHealthSummary(byState);
    }
}
