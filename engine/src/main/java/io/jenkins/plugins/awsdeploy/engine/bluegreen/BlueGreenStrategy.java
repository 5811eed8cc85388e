package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.Reconciler;
import io.jenkins.plugins.awsdeploy.engine.Resource;
import io.jenkins.plugins.awsdeploy.engine.Strategy;
import io.jenkins.plugins.awsdeploy.engine.Summary;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Blue/green on ECS services or Auto Scaling groups: deploy to the idle side, check it, switch the listener to it through
 * a canary.
 */
public final class BlueGreenStrategy implements Strategy<BlueGreenCheckpoint> {

    public String type() {
        return "blue-green";
    }

    public Class<BlueGreenCheckpoint> checkpointType() {
        return BlueGreenCheckpoint.class;
    }

    /** Its own ECS work and, through the switch, every event of a canary. */
    public Set<EventKind> events() {
        return EnumSet.allOf(EventKind.class);
    }

    public Reconciler<BlueGreenCheckpoint> reconciler(AwsPorts ports, Ownership ownership, Clock clock) {
        return new BlueGreenDeployment(ports.ecs(), ports.traffic(), ports.alarms(), ports.autoScaling(), ports.metrics(),
                ownership, clock);
    }

    public Progress progress(BlueGreenCheckpoint checkpoint, Instant now) {
        return BlueGreenProgress.of(checkpoint, now);
    }

    public String title(BlueGreenCheckpoint b) {
        BlueGreenSpec spec = b.spec();
        String what = spec.groups() != null ? (spec.groups().imageId() != null ? spec.groups().imageId()
                : "launch template version " + spec.groups().launchTemplateVersion())
                : spec.taskDefinition() != null ? TaskDefinitionRef.shortName(spec.taskDefinition())
                : spec.images().entrySet().stream().map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String direction = b.from() == null ? spec.service(Colour.BLUE) + " ⇄ " + spec.service(Colour.GREEN)
                : spec.service(b.from()) + " → " + spec.service(b.to());
        // The listener is left out: its ARN would push the rest of the title off the picture.
        return "Blue/green " + direction + ": " + what;
    }

    public Object identity(BlueGreenCheckpoint checkpoint) {
        return checkpoint.spec();
    }

    public Optional<String> from(BlueGreenCheckpoint b) {
        return b.from() == null ? Optional.empty() : Optional.of(side(b.spec().service(b.from()), b.fromTaskDefinition()));
    }

    public Optional<String> to(BlueGreenCheckpoint b) {
        return b.to() == null ? Optional.empty() : Optional.of(side(b.spec().service(b.to()), b.taskDefinition()));
    }

    public List<Resource> resources(BlueGreenCheckpoint checkpoint) {
        BlueGreenSpec spec = checkpoint.spec();
        List<Resource> all = new ArrayList<>();
        all.add(Resource.traffic("", spec.target()));
        if (spec.testTarget() != null) all.add(Resource.traffic("test ", spec.testTarget()));
        for (Colour c : Colour.values()) {
            all.add(spec.groups() != null
                    ? Resource.of(Resource.Kind.AUTO_SCALING_GROUP, "Auto Scaling group", spec.service(c))
                    : new Resource(Resource.Kind.ECS_SERVICE, "ECS service", spec.service(c), spec.cluster()));
        }
        for (Colour c : Colour.values()) {
            all.add(Resource.of(Resource.Kind.TARGET_GROUP, colour(c) + " target group", spec.targetGroup(c)));
        }
        all.addAll(Resource.alarms(spec.alarms()));
        return all;
    }

    public Summary summary(BlueGreenCheckpoint b) {
        if (b.from() == null) return Summary.EMPTY;
        BlueGreenSpec spec = b.spec();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("from", colour(b.from()));
        fields.put("to", colour(b.to()));
        Map<String, Integer> weights = new LinkedHashMap<>();
        if (b.live() != null) {
            fields.put("split", b.live().toString());
            weights.put(spec.targetGroup(b.from()), b.live().stable());
            weights.put(spec.targetGroup(b.to()), b.live().canary());
        }
        Map<String, String> revisions = new LinkedHashMap<>();
        if (b.fromTaskDefinition() != null) revisions.put(spec.service(b.from()), b.fromTaskDefinition());
        if (b.taskDefinition() != null) revisions.put(spec.service(b.to()), b.taskDefinition());
        return new Summary(fields, weights, revisions);
    }

    private static String colour(Colour c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    /** {@code "web-blue (web:41)"}: a service and, when known, the short name of its task definition. */
    private static String side(String service, String taskDefinition) {
        return taskDefinition == null ? service : service + " (" + TaskDefinitionRef.shortName(taskDefinition) + ")";
    }
}
