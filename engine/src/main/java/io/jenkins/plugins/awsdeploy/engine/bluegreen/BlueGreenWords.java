package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import java.util.Map;
import java.util.stream.Collectors;

/** The sentences a blue/green deployment repeats: where traffic is, what comes next. */
final class BlueGreenWords {

    private BlueGreenWords() {
    }

    /** {@code blue (web-blue)}: the side production traffic was on when the deployment began. */
    static String oldSide(BlueGreenCheckpoint cp) {
        return cp.from() + " (" + cp.spec().service(cp.from()) + ")";
    }

    static String allOnOld(BlueGreenCheckpoint cp) {
        return "all traffic is still on " + oldSide(cp);
    }

    static String liveOnNew(BlueGreenCheckpoint cp) {
        return cp.to() + " (" + cp.spec().service(cp.to()) + ") is live on " + shortName(cp.taskDefinition());
    }

    static String updateNext(BlueGreenCheckpoint cp) {
        return "update " + cp.spec().service(cp.to()) + " to " + shortName(cp.taskDefinition()) + " at "
                + cp.desiredCount() + " task(s)";
    }

    static String switchNext(BlueGreenCheckpoint cp) {
        BlueGreenSpec spec = cp.spec();
        return (spec.approveBeforeSwitch() ? "ask for approval, then " : "") + "switch production traffic to " + cp.to()
                + " (" + spec.plan().describe() + ")";
    }

    static String describe(Map<String, String> images) {
        return images.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
