package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.testing.MotoBlueGreen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * What a blue/green deployment runs on, in the test's moto: a cluster with a blue service on revision 1 of its
 * family (2 tasks, 2 healthy targets) and an idle green one (0 tasks), a target group for each, a listener that
 * forwards everything to blue, and an alarm on green's errors.
 */
record BlueGreenScene(String cluster, String family, String v1, String blueGroup, String greenGroup, String listener,
                      String alarm) {

    static final String BLUE = MotoBlueGreen.BLUE;
    static final String GREEN = MotoBlueGreen.GREEN;
    static final int TASKS = 2;

    static BlueGreenScene build(LocalStage stage, String name) {
        String blue = stage.targetGroup(name + "-blue");
        String green = stage.targetGroup(name + "-green");
        String listener = stage.listener(LocalStage.weights(blue, 100, green, 0));
        String alarm = name + "-5xx";
        stage.resources.alarm(alarm, green);
        MotoBlueGreen services = MotoBlueGreen.build(stage.ecs, name, blue, green, TASKS);
        return new BlueGreenScene(name, services.family(), services.v1(), blue, green, listener, alarm);
    }

    /** A command line that passes every check: a new image for blue's one container, switched at once. */
    CommandArgs args(LocalStage stage) {
        return CommandArgs.of("blue-green")
                .set("--cluster", cluster)
                .set("--blue-service", BLUE)
                .set("--blue-target-group", blueGroup)
                .set("--green-service", GREEN)
                .set("--green-target-group", greenGroup)
                .set("--listener-arn", listener)
                .set("--image", "repo/web:2.0")
                .set("--alarm", alarm)
                .set("--scale-down-after", "0s")
                .set("--poll", "1s")
                .set("--region", "us-east-1")
                .set("--endpoint-url", stage.aws.endpoint().toString());
    }

    /** Blue's weight and green's, as moto stores them. */
    List<Integer> weights(LocalStage stage) {
        Map<String, Integer> w = stage.resources.listenerWeights(listener);
        return List.of(w.getOrDefault(blueGroup, 0), w.getOrDefault(greenGroup, 0));
    }

    Service service(LocalStage stage, String service) {
        return stage.ecs.service(cluster, service);
    }

    /**
     * Everything a refused command must leave untouched: every listener's and rule's actions and every alarm's
     * state ({@link LocalStage#snapshot}), both services' revision and desired count, and the family's revisions.
     */
    Map<String, Object> snapshot(LocalStage stage) {
        Map<String, Object> all = new LinkedHashMap<>(stage.snapshot());
        for (String s : List.of(BLUE, GREEN)) {
            Service found = service(stage, s);
            all.put(s, found.taskDefinition() + " x" + found.desiredCount());
        }
        all.put("revisions", stage.ecs.revisions(family));
        return all;
    }
}
