package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;

import io.jenkins.plugins.awsdeploy.engine.aws.EcsDeployment;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsPort;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Two ECS services, one per side: DescribeServices and DescribeTargetHealth of the side's target group. */
record EcsFleet(EcsPort ecs, TrafficPort traffic, BlueGreenSpec spec) implements Fleet {

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
