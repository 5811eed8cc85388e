package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where production traffic is and what each side runs, read at the moment a deployment stops without
 * finishing, and the advice that fits it. Read fresh because a stop often comes after a restart or after
 * someone else acted: what the checkpoint remembers (the old side's revision, its task count) may be
 * exactly what changed.
 */
final class Situation {

    private final BlueGreenCheckpoint cp;
    private final String listener;
    private final ForwardWeights weights;
    private final Map<Colour, SideState> sides = new EnumMap<>(Colour.class);
    private final Map<Colour, String> unreadable = new EnumMap<>(Colour.class);
    private final Fleet fleet;

    private Situation(BlueGreenCheckpoint cp, String listener, ForwardWeights weights, Fleet fleet) {
        this.cp = cp;
        this.listener = listener;
        this.weights = weights;
        this.fleet = fleet;
    }

    static Situation read(BlueGreenCheckpoint cp, TrafficPort traffic, Fleet fleet) {
        BlueGreenSpec spec = cp.spec();
        String forwards;
        ForwardWeights weights = null;
        try {
            weights = traffic.read(spec.target()).orElse(null);
            forwards = weights == null ? "no longer exists" : "forwards " + weights;
        } catch (RuntimeException e) {
            forwards = "could not be read (" + AwsFailure.describe(e) + ")";
        }
        Situation s = new Situation(cp, "the " + spec.target().describe() + " " + forwards, weights, fleet);
        for (Colour c : Colour.values()) {
            try {
                s.sides.put(c, fleet.read(c));
            } catch (RuntimeException e) {
                s.unreadable.put(c, spec.service(c) + " could not be read (" + AwsFailure.describe(e) + ")");
            }
        }
        return s;
    }

    /** {@code Now: the listener ... forwards web-blue=0, web-green=100; blue: web-blue runs web:1, ...; green: ...}. */
    String now() {
        StringBuilder b = new StringBuilder("Now: ").append(listener);
        for (Colour c : Colour.values()) {
            b.append("; ").append(c).append(": ").append(sides.containsKey(c) ? sides.get(c).describe() : unreadable.get(c));
        }
        return b.toString();
    }

    /** What a person can do from here, for the sides as they are now. */
    String advice() {
        BlueGreenSpec spec = cp.spec();
        Optional<Colour> serving = servingSide();
        if (serving.isPresent()) {
            Colour c = serving.get();
            String side = c + " (" + spec.service(c) + ")";
            String serves = shortName(revisionOf(c)) + " with every " + spec.fleet().unit() + " healthy";
            boolean allThere = weights != null && weights.asSplit(spec.targetGroup(c.other()), spec.targetGroup(c))
                    .filter(split -> split.canary() == 100).isPresent();
            if (allThere) return "all traffic is on " + side + ", which serves " + serves + "; nothing needs to move to keep it served";
            return side + " serves " + serves + "; to send "
                    + "all traffic there, set the forward action's weights to " + ForwardWeights.shortName(spec.targetGroup(c))
                    + " 100, " + ForwardWeights.shortName(spec.targetGroup(c.other())) + " 0; where the forward action is "
                    + "the only action: " + forwardAllCommand(spec.target(), spec.targetGroup(c), spec.targetGroup(c.other()))
                    + " (that command replaces every action: with other actions edit the forward action in the console)";
        }
        Colour old = cp.from();
        return "neither side serves its revision with every " + spec.fleet().unit() + " healthy: bring " + spec.service(old)
                + " back first (" + fleet.restoreCommand(cp, old) + "), wait until its targets are healthy, then send all traffic to "
                + ForwardWeights.shortName(spec.targetGroup(old));
    }

    /** The old side if it still serves what it ran, else the new side if it serves the new revision. */
    private Optional<Colour> servingSide() {
        for (Colour c : new Colour[] {cp.from(), cp.to()}) {
            SideState s = sides.get(c);
            String revision = revisionOf(c);
            if (s != null && revision != null && s.whyNotServing(revision).isEmpty()) return Optional.of(c);
        }
        return Optional.empty();
    }

    private String revisionOf(Colour c) {
        return c == cp.from() ? cp.fromTaskDefinition() : cp.taskDefinition();
    }

    /** The AWS CLI command that sends all traffic of the forward action to {@code to}. */
    static String forwardAllCommand(TrafficTarget target, String to, String off) {
        String forward = "Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=" + to + ",Weight=100},{TargetGroupArn="
                + off + ",Weight=0}]}";
        return target.kind() == TrafficTarget.Kind.LISTENER
                ? "aws elbv2 modify-listener --listener-arn " + target.arn() + " --default-actions '" + forward + "'"
                : "aws elbv2 modify-rule --rule-arn " + target.arn() + " --actions '" + forward + "'";
    }
}
