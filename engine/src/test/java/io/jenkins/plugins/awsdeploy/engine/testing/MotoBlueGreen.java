package io.jenkins.plugins.awsdeploy.engine.testing;

import java.util.Map;

/**
 * What a blue/green deployment runs on, built in one call: a cluster whose blue service runs revision 1 of its
 * family with some tasks (each a healthy target of blue's group) and whose green service, on the same revision,
 * has none. The traffic side (the listener and the two target groups) comes from {@link MotoAlb} or whatever
 * load balancer the test made.
 *
 * @param cluster the cluster's name, also the prefix of the family
 * @param family  the task definition family, {@code <cluster>-web}
 * @param v1      the ARN of revision 1, which both services run
 */
public record MotoBlueGreen(String cluster, String family, String v1) {

    public static final String BLUE = "web-blue";
    public static final String GREEN = "web-green";

    /** With one container {@code app} on {@code repo/web:1.0}. */
    public static MotoBlueGreen build(MotoEcs ecs, String name, String blueGroup, String greenGroup, int tasks) {
        return build(ecs, name, blueGroup, greenGroup, tasks, Map.of("app", "repo/web:1.0"));
    }

    public static MotoBlueGreen build(MotoEcs ecs, String name, String blueGroup, String greenGroup, int tasks,
                                      Map<String, String> imageByContainer) {
        String family = name + "-web";
        ecs.cluster(name);
        String v1 = ecs.register(family, imageByContainer);
        ecs.settled(name, BLUE, v1, blueGroup, tasks);
        ecs.settled(name, GREEN, v1, greenGroup, 0);
        return new MotoBlueGreen(name, family, v1);
    }
}
