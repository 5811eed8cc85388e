package io.jenkins.plugins.awsdeploy.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * What a rollback runs on, in the test's moto: a cluster whose service {@value #SERVICE} runs revision 3 of its
 * family with 2 tasks, the only deployment COMPLETED; revisions 1 and 2 are there to go back to.
 */
record RollbackScene(String cluster, String family, List<String> revisions) {

    static final String SERVICE = "web";
    static final int TASKS = 2;

    static RollbackScene build(LocalStage stage, String name) {
        String family = name + "-web";
        stage.ecs.cluster(name);
        List<String> revisions = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            revisions.add(stage.ecs.register(family, Map.of("app", "repo/web:" + i)));
        }
        stage.ecs.settled(name, SERVICE, revisions.get(2), null, TASKS);
        return new RollbackScene(name, family, List.copyOf(revisions));
    }

    /** A command line that passes every check and would go back to revision 2. */
    CommandArgs args(LocalStage stage) {
        return CommandArgs.of("ecs-rollback")
                .set("--cluster", cluster)
                .set("--service", SERVICE)
                .set("--poll", "1s")
                .set("--region", "us-east-1")
                .set("--endpoint-url", stage.aws.endpoint().toString());
    }

    /** {@code family:revision}. */
    String revision(int n) {
        return family + ":" + n;
    }

    Service service(LocalStage stage) {
        return stage.ecs.service(cluster, SERVICE);
    }

    /** What a refused or dry run must leave untouched: the service as ECS describes it, and the family's revisions. */
    Map<String, Object> snapshot(LocalStage stage) {
        return Map.of("service", service(stage), "revisions", stage.ecs.revisions(family));
    }
}
