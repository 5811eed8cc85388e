package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.TargetHealthSummary;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeEcs;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Two services behind one listener, in memory and in virtual time: blue (web-blue) live on web:1 with 3
 * tasks, green (web-green) idle at 0. ECS starts one task every 10 s; each running task of a service is
 * a healthy target of its group unless a test says otherwise, as the load balancer would report it
 * once the health checks pass.
 */
final class BlueGreenWorld {

    static final String CLUSTER = "prod";
    static final String BLUE = "web-blue";
    static final String GREEN = "web-green";

    final VirtualClock clock = new VirtualClock();
    final FakeAws aws = FakeAws.standard();
    final FakeEcs ecs = aws.ecs();
    private final Map<String, TargetHealthSummary> healthOverride = new HashMap<>();

    BlueGreenWorld() {
        ecs.clock(clock).rolloutPace(Duration.ofSeconds(10)).cluster(CLUSTER);
        Map<String, String> containers = new LinkedHashMap<>();
        containers.put("app", "repo/web:1.0");
        containers.put("envoy", "envoy:1.29");
        ecs.register("web", containers);
        ecs.createService(CLUSTER, BLUE, "web:1", 3);
        ecs.targetGroups(CLUSTER, BLUE, List.of(BLUE_TG));
        ecs.createService(CLUSTER, GREEN, "web:1", 0);
        ecs.targetGroups(CLUSTER, GREEN, List.of(GREEN_TG));
    }

    /** A request that passes preflight in this world: new image for "app", alarm "5xx", all at once. */
    static BlueGreenRequest request() {
        return new BlueGreenRequest().cluster(CLUSTER).blueService(BLUE).blueTargetGroup(BLUE_TG).greenService(GREEN)
                .greenTargetGroup(GREEN_TG).listenerArn(LISTENER).images(Map.of("app", "repo/web:2.0"))
                .alarms(List.of("5xx")).region("us-east-1");
    }

    AwsPorts ports() {
        return new AwsPorts(new TasksAsTargets(), aws, ecs, aws, aws, aws.lambda(), null, aws.metrics());
    }

    Ticker start(UnaryOperator<BlueGreenRequest> tweak) {
        return new Ticker(new Engine(ports(), clock), clock, BlueGreenCheckpoint.start(tweak.apply(request()).toSpec()));
    }

    /** Reports this summary for the group from now on instead of one healthy target per running task. */
    void health(String targetGroup, Map<String, Integer> byState) {
        healthOverride.put(targetGroup, new TargetHealthSummary(byState));
    }

    Split production() {
        return aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG).orElseThrow();
    }

    EcsService service(String name) {
        return ecs.peek(CLUSTER, name);
    }

    static Outcome outcome(Ticker t) {
        return t.checkpoint().outcome().orElseThrow(() -> new AssertionError("not finished: " + t.checkpoint().status()));
    }

    static BlueGreenPhase phase(Ticker t) {
        return ((BlueGreenCheckpoint) t.checkpoint()).phase();
    }

    /** Everything a deployment could change, to compare before and after one that must change nothing. */
    record State(ForwardWeights listener, ForwardWeights rule, EcsService blue, EcsService green, Object revisions,
                 int ecsWrites, int elbWrites) {
    }

    State state() {
        return new State(aws.weights(LISTENER), aws.weights(FakeAws.RULE), service(BLUE), service(GREEN),
                ecs.revisions("web"), ecs.writes(), aws.calls("ModifyListener") + aws.calls("ModifyRule"));
    }

    /** The load balancer of {@link FakeAws}, whose target health follows the tasks ECS runs. */
    private final class TasksAsTargets implements TrafficPort {

        @Override
        public Optional<ForwardWeights> read(TrafficTarget target) {
            return aws.read(target);
        }

        @Override
        public ForwardWeights write(TrafficTarget target, String stable, String canary, Split expected, Split next) {
            return aws.write(target, stable, canary, expected, next);
        }

        @Override
        public Set<String> missingTargetGroups(Collection<String> arns) {
            return aws.missingTargetGroups(arns);
        }

        @Override
        public TargetHealthSummary health(String targetGroup) {
            aws.health(targetGroup); // counted like a real call
            TargetHealthSummary forced = healthOverride.get(targetGroup);
            if (forced != null) return forced;
            String service = targetGroup.equals(BLUE_TG) ? BLUE : GREEN;
            int running = ecs.peek(CLUSTER, service).runningCount();
            return new TargetHealthSummary(running == 0 ? Map.of() : Map.of("healthy", running));
        }
    }
}
