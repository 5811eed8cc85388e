package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;

import io.jenkins.plugins.awsdeploy.engine.aws.EcsDeployment;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsPort;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Two ECS services, one per side: DescribeServices and DescribeTargetHealth of the side's target group. */
record EcsFleet(EcsPort ecs, TrafficPort traffic, BlueGreenSpec spec) implements Fleet {

    @Override
    public void update(BlueGreenCheckpoint cp, Colour side, String revision) {
        ecs.updateService(spec.cluster(), spec.service(side), revision, cp.desiredCount());
    }

    @Override
    public Readiness readiness(Colour side, String revision, Instant since) {
        Optional<EcsService> service = ecs.service(spec.cluster(), spec.service(side));
        if (service.isEmpty()) return new Readiness(Readiness.State.CHANGED, spec.service(side) + " no longer exists");
        return Readiness.of(service.get(), revision, traffic.health(spec.targetGroup(side)), since);
    }

    @Override
    public int scaleToZero(BlueGreenCheckpoint cp, Colour side) {
        String name = spec.service(side);
        ecs.scale(spec.cluster(), name, 0);
        return ecs.service(spec.cluster(), name).orElseThrow(() -> new IllegalStateException(name + " no longer exists"))
                .desiredCount();
    }

    @Override
    public String restoreCommand(BlueGreenCheckpoint cp, Colour side) {
        return "aws ecs update-service --cluster " + spec.cluster() + " --service " + spec.service(side) + " --task-definition "
                + shortName(cp.fromTaskDefinition()) + " --desired-count " + Math.max(1, cp.desiredCount());
    }

    @Override
    public String scaleToZeroByHand(Colour side) {
        return "aws ecs update-service --cluster " + spec.cluster() + " --service " + spec.service(side) + " --desired-count 0";
    }

    @Override
    public String recordKnownGood(Colour side, String revision) {
        String name = spec.service(side);
        EcsService s = ecs.service(spec.cluster(), name).orElseThrow(() -> new IllegalStateException(name + " no longer exists"));
        if (!BlueGreenCheckpoint.sameRevision(revision, s.taskDefinition())) {
            throw new IllegalStateException(name + " now runs " + shortName(s.taskDefinition()) + ", not " + shortName(revision)
                    + "; someone else changed it");
        }
        ecs.tag(s.arn(), KnownGoodTag.of(TaskDefinitionRef.of(revision)));
        return ecs.service(spec.cluster(), name).flatMap(KnownGoodTag::on).orElse(null);
    }

    @Override
    public SideState read(Colour side) {
        String name = spec.service(side);
        Optional<EcsService> found = ecs.service(spec.cluster(), name);
        if (found.isEmpty()) return SideState.gone(name);
        EcsService s = found.get();
        return new SideState(s.name(), true, s.taskDefinition(), unsettled(s), s.desiredCount(), s.runningCount(),
                traffic.health(spec.targetGroup(side)));
    }

    private static List<String> unsettled(EcsService s) {
        List<String> why = new ArrayList<>();
        if (s.deployments().size() > 1) why.add(s.deployments().size() + " deployments");
        Optional<EcsDeployment> primary = s.primary().or(() -> s.deployments().stream().findFirst());
        if (primary.isPresent()) {
            EcsDeployment p = primary.get();
            if (!BlueGreenCheckpoint.sameRevision(s.taskDefinition(), p.taskDefinition())) {
                why.add("its primary deployment runs " + shortName(p.taskDefinition()));
            }
            if (p.rolloutState() != null && !"COMPLETED".equals(p.rolloutState())) why.add("rollout " + p.rolloutState());
        }
        return why;
    }
}
