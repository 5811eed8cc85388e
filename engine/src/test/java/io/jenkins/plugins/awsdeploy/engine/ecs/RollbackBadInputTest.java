package io.jenkins.plugins.awsdeploy.engine.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeEcs;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, whether caught by {@link RollbackRequest#toSpec()} before any call or by the preflight: each
 * ends Invalid (exit 2), names the parameter, says what is wrong, and leaves the service exactly as it was.
 */
class RollbackBadInputTest {

    static final String CLUSTER = "prod";
    static final String SERVICE = "web";
    static final String OTHER_REGION_ARN = "arn:aws:ecs:eu-west-1:123456789012:";

    final VirtualClock clock = new VirtualClock();
    final FakeAws aws = FakeAws.standard();
    final FakeEcs ecs = aws.ecs().clock(clock);

    /** The request as a shell would build it, the ECS it meets, and what it must be told. */
    record Case(Consumer<FakeEcs> world, UnaryOperator<RollbackRequest> request, String parameter, String says) {
    }

    static Arguments bad(String name, UnaryOperator<RollbackRequest> request, String parameter, String says) {
        return bad(name, ecs -> { }, request, parameter, says);
    }

    static Arguments bad(String name, Consumer<FakeEcs> world, UnaryOperator<RollbackRequest> request, String parameter,
                         String says) {
        return Arguments.of(Named.of(name, new Case(world, request, parameter, says)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // caught before any call
                bad("no cluster", r -> r.cluster(null), "cluster", "is required"),
                bad("cluster name with a space", r -> r.cluster("prod cluster"), "cluster", "is not a cluster name"),
                bad("a service ARN as cluster", r -> r.cluster(FakeEcs.serviceArn("prod", "web")), "cluster",
                        "is not the ARN of an ECS cluster"),
                bad("cluster in another region", r -> r.cluster(OTHER_REGION_ARN + "cluster/prod"), "cluster",
                        "is in region eu-west-1"),
                bad("no service", r -> r.service(" "), "service", "is required"),
                bad("service name with a slash", r -> r.service("web/api"), "service", "is not a service name"),
                bad("service ARN of another cluster", r -> r.service(FakeEcs.serviceArn("staging", "web")), "service",
                        "belongs to cluster staging, not to prod"),
                bad("a family without revision", r -> r.toRevision("web"), "toRevision",
                        "names a family without a revision; a rollback needs one exact revision, like web:12"),
                bad("revision 0", r -> r.toRevision("web:0"), "toRevision", "is not a task definition revision"),
                bad("revision 'latest'", r -> r.toRevision("web:latest"), "toRevision", "is not a task definition revision"),
                bad("a service ARN as revision", r -> r.toRevision(FakeEcs.serviceArn("prod", "web")), "toRevision",
                        "is not the ARN of a task definition"),
                bad("revision ARN in another region", r -> r.toRevision(OTHER_REGION_ARN + "task-definition/web:5"),
                        "toRevision", "is in region eu-west-1"),
                bad("timeout in words", r -> r.timeout("ten minutes"), "timeout", "is not a duration"),
                bad("timeout 0s", r -> r.timeout("0s"), "timeout", "must be longer than 0s"),
                bad("poll under a second", r -> r.poll("0s"), "poll", "must be at least 1s"),
                bad("poll longer than timeout", r -> r.poll("5m").timeout("1m"), "poll", "is longer than the timeout of 1m"),
                // caught by the preflight
                bad("cluster that does not exist", r -> r.cluster("staging"), "cluster", "no cluster staging exists"),
                bad("service that does not exist", r -> r.service("api"), "service", "no service api exists in cluster prod"),
                bad("service being deleted", ecs -> ecs.status(CLUSTER, SERVICE, "DRAINING"), r -> r.toRevision("web:5"),
                        "service", "is DRAINING"),
                bad("CodeDeploy service", ecs -> ecs.deploymentController(CLUSTER, SERVICE, "CODE_DEPLOY"), r -> r,
                        "service", "deployment controller CODE_DEPLOY): ECS refuses to change its task definition"),
                bad("EXTERNAL service", ecs -> ecs.deploymentController(CLUSTER, SERVICE, "EXTERNAL"), r -> r,
                        "service", "uses the EXTERNAL deployment controller"),
                bad("revision that does not exist", r -> r.toRevision("web:99"), "toRevision",
                        "no task definition web:99 exists"),
                bad("deregistered revision", ecs -> ecs.deregister("web:5"), r -> r.toRevision("web:5"), "toRevision",
                        "web:5 (the revision asked for) was deregistered (status INACTIVE): ECS starts no new tasks from it. "
                                + "Register its definition again and roll back to the new revision, or choose an ACTIVE one "
                                + "(ACTIVE revisions of web: web:6, web:4, web:3)"),
                bad("known-good tag on a deregistered revision",
                        ecs -> {
                            ecs.tags(CLUSTER, SERVICE, Map.of(KnownGoodTag.KEY, "web:4"));
                            ecs.deregister("web:4");
                        }, r -> r, "toRevision", "web:4 (the last known-good revision, recorded on the service by "
                                + "blue/green (tag aws-deploy:last-known-good)) was deregistered"),
                bad("known-good tag that is not a revision", ecs -> ecs.tags(CLUSTER, SERVICE, Map.of(KnownGoodTag.KEY, "yesterday")),
                        r -> r, "toRevision", "holds 'yesterday', which is not a task definition revision"),
                bad("nothing below the first revision",
                        ecs -> ecs.createService(CLUSTER, "solo", ecs.register("solo", Map.of("app", "solo:1")).familyRevision(), 1),
                        r -> r.service("solo"), "toRevision", "no ACTIVE revision of solo below the current solo:1 exists"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInvalidNamingTheParameterAndLeavesTheServiceAsItWas(Case c) {
        ecs.cluster(CLUSTER);
        for (int i = 1; i <= 7; i++) ecs.register("web", Map.of("app", "registry/web:1." + i));
        ecs.createService(CLUSTER, SERVICE, "web:7", 3);
        c.world().accept(ecs);
        EcsService before = ecs.peek(CLUSTER, SERVICE);
        ecs.resetCalls();

        Outcome outcome = run(c.request().apply(new RollbackRequest().cluster(CLUSTER).service(SERVICE).region(FakeEcs.REGION)));

        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(((Outcome.Invalid) outcome).problems()).anySatisfy(p -> {
            assertThat(p.parameter()).isEqualTo(c.parameter());
            assertThat(p.message()).contains(c.says());
        });
        assertThat(outcome.message()).startsWith("nothing was changed in AWS: ");
        assertThat(ecs.writes()).isZero();
        assertThat(ecs.peek(CLUSTER, SERVICE)).isEqualTo(before);
    }

    /** What a shell does: a request that does not make a spec ends Invalid before any call. */
    private Outcome run(RollbackRequest request) {
        RollbackSpec spec;
        try {
            spec = request.toSpec();
        } catch (InvalidInputException e) {
            return new Outcome.Invalid(e.problems());
        }
        Ticker t = new Ticker(new Engine(aws.ports(), clock), clock, RollbackCheckpoint.start(spec)).runToEnd();
        return t.checkpoint().outcome().orElseThrow();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        RollbackRequest r = new RollbackRequest().cluster("a b").service("").toRevision("web").timeout("x").poll("0s");

        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, r::toSpec);

        assertThat(e.problems()).extracting(Problem::parameter)
                .containsExactly("cluster", "service", "toRevision", "timeout", "poll");
    }

    @Test
    void goodInputMakesASpecWithTheDefaults() {
        RollbackSpec spec = new RollbackRequest().cluster(" prod ").service(FakeEcs.serviceArn("prod", "web"))
                .toRevision(" web:5 ").region(FakeEcs.REGION).toSpec();

        assertThat(spec).isEqualTo(new RollbackSpec("prod", FakeEcs.serviceArn("prod", "web"), "web:5",
                java.time.Duration.ofMinutes(10), java.time.Duration.ofSeconds(5), false, false));
    }

    @Test
    void noWaitDoesNotCompareThePollWithTheTimeout() {
        RollbackSpec spec = new RollbackRequest().cluster("prod").service("web").poll("5m").timeout("1m").noWait(true).toSpec();

        assertThat(spec.noWait()).isTrue();
    }
}
