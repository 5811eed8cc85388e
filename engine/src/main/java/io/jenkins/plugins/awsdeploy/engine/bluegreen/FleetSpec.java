package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import java.io.Serializable;

/**
 * What runs the two sides, as the parameters chose it: two ECS services of one cluster, or two EC2 Auto Scaling
 * groups. Everything else of a blue/green deployment (the listener, the switch, the alarms, the bake) is the same.
 */
public sealed interface FleetSpec extends Serializable permits FleetSpec.EcsServices, FleetSpec.AutoScalingGroups {

    /** The service or group of a side. */
    String name(Colour side);

    /** The parameter that names a side, for problems found in AWS. */
    String parameter(Colour side);

    /** What a side is made of, singular: {@code task}, {@code instance}. */
    String unit();

    /** @param cluster the cluster of both services */
    record EcsServices(String cluster, String blueService, String greenService) implements FleetSpec {

        public String name(Colour side) {
            return side == Colour.BLUE ? blueService : greenService;
        }

        public String parameter(Colour side) {
            return side == Colour.BLUE ? "blueService" : "greenService";
        }

        public String unit() {
            return "task";
        }
    }

    /**
     * @param imageId               the AMI of a new launch template version made from the live group's; null when
     *                              {@code launchTemplateVersion} is given
     * @param launchTemplateVersion an existing version of the live group's launch template; null when {@code imageId} is given
     */
    record AutoScalingGroups(String blueGroup, String greenGroup, String imageId, Long launchTemplateVersion)
            implements FleetSpec {

        public String name(Colour side) {
            return side == Colour.BLUE ? blueGroup : greenGroup;
        }

        public String parameter(Colour side) {
            return side == Colour.BLUE ? "blueAutoScalingGroup" : "greenAutoScalingGroup";
        }

        public String unit() {
            return "instance";
        }
    }
}
