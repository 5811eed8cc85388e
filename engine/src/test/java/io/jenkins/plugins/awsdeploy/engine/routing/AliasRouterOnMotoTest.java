package io.jenkins.plugins.awsdeploy.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.ownership.Lease;
import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoLambda;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Lambda alias router, through the registry, the engine and the real SDK against moto. */
@ExtendWith(Moto.class)
class AliasRouterOnMotoTest {

    static int count;
    static AwsSession session;
    MotoLambda fn;
    Routers routers;

    @BeforeAll
    static void connect() {
        session = new AwsSession(Moto.access());
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    @BeforeEach
    void freshFunction() {
        fn = MotoLambda.create("alias" + ++count);
        routers = new Routers(session.ports());
    }

    @AfterEach
    void closeClients() {
        fn.close();
    }

    TrafficRouter router(String canaryVersion) {
        return routers.open(new LambdaAlias(fn.function, MotoLambda.ALIAS, canaryVersion, null));
    }

    @Test
    void thePreflightFindsTheStableVersionAndTheFunctionToMark() {
        TrafficRouter router = router("2");
        assertThat(router).isInstanceOf(AliasRouter.class);

        Inspection inspection = router.inspect();

        assertThat(inspection.problems()).isEmpty();
        assertThat(inspection.current()).contains(Split.ALL_STABLE);
        assertThat(inspection.settled()).contains(new LambdaAlias(fn.function, "live", "2", "1"));
        assertThat(router.marked()).isEqualTo(Map.of(fn.functionArn, "lambdaFunction"));
    }

    @Test
    void eachSplitIsWrittenAsLambdaRoutesItAndReadsBack() {
        TrafficRouter router = routers.open(new LambdaAlias(fn.function, "live", "2", "1"));

        assertThat(router.write(Split.ALL_STABLE, new Split(90, 10)).split()).contains(Split.ALL_STABLE);
        assertThat(router.read().split()).contains(new Split(90, 10));
        assertThat(fn.aliasShape()).isEqualTo("1 {2=0.1}");

        router.write(new Split(90, 10), new Split(25, 75));
        assertThat(fn.aliasShape()).isEqualTo("1 {2=0.75}");

        router.write(new Split(25, 75), new Split(0, 100));
        assertThat(fn.aliasShape()).isEqualTo("2 {}");
        assertThat(router.read().split()).contains(new Split(0, 100));

        router.write(new Split(0, 100), Split.ALL_STABLE);
        assertThat(fn.aliasShape()).isEqualTo("1 {}");
    }

    @Test
    void aWriteGuardedByAStaleSplitChangesNothing() {
        TrafficRouter router = routers.open(new LambdaAlias(fn.function, "live", "2", "1"));
        fn.setAlias("1", Map.of("2", 0.5)); // someone else

        Reading found = router.write(Split.ALL_STABLE, new Split(90, 10));

        assertThat(found.split()).contains(new Split(50, 50));
        assertThat(found.shown()).isEqualTo("version 1, 0.5 routed to version 2");
        assertThat(fn.aliasShape()).isEqualTo("1 {2=0.5}");
    }

    @Test
    void aCanaryRunsToTheEndAndTheFunctionCarriesTheMarkOnlyWhileItRuns() {
        VirtualClock clock = new VirtualClock();
        CanaryCheckpoint start = CanaryCheckpoint.start(new CanaryRequest().lambdaFunction(fn.functionArn)
                .lambdaAlias("live").canaryVersion("2").steps(List.of(10, 50, 100)).bake("1m").poll("10s")
                .region(Moto.REGION).toSpec());
        Ticker t = new Ticker(new Engine(session.ports(), clock), clock, start)
                .runUntil(x -> fn.aliasShape().equals("1 {2=0.5}"), 100);
        assertThat(fn.tags()).containsKey(Lease.DEPLOYMENT_KEY);

        t.runToEnd();

        assertThat(t.checkpoint().outcome().orElseThrow()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(fn.aliasShape()).isEqualTo("2 {}");
        assertThat(fn.tags()).doesNotContainKey(Lease.DEPLOYMENT_KEY);
    }

    @Test
    void thePreflightNamesTheParameterOfEachProblemAndChangesNothing() {
        String before = fn.aliasShape();

        assertThat(problems(routers.open(new LambdaAlias("nobody", "live", "2", null))))
                .containsExactly("lambdaFunction: no function nobody exists in this region");
        assertThat(problems(routers.open(new LambdaAlias(fn.function, "prod", "2", null))))
                .containsExactly("lambdaAlias: function " + fn.function + " has no alias prod");
        assertThat(problems(router("7"))).singleElement().asString().startsWith("canaryVersion: function " + fn.function
                + " has no version 7");
        assertThat(problems(router("1"))).singleElement().asString().contains("already points at");
        assertThat(fn.aliasShape()).isEqualTo(before);

        fn.publish(3);
        fn.setAlias("1", Map.of("3", 0.2));
        assertThat(problems(router("2"))).singleElement().asString()
                .startsWith("lambdaAlias: routes traffic to version(s) 3 besides its own");
        fn.setAlias("$LATEST", Map.of());
        assertThat(problems(router("2"))).singleElement().asString().startsWith("lambdaAlias: points at $LATEST");
    }

    @Test
    void theRestoreInstructionRestoresTheAliasWhenAPersonRunsIt() throws Exception {
        TrafficRouter router = routers.open(new LambdaAlias(fn.function, "live", "2", "1"));
        router.write(Split.ALL_STABLE, new Split(50, 50));
        String instruction = router.restoreInstruction(Split.ALL_STABLE);
        String command = instruction.substring(instruction.indexOf("aws lambda update-alias"), instruction.indexOf("}}'") + 3);

        runInBash(command);

        assertThat(fn.aliasShape()).isEqualTo("1 {}");
        assertThat(router.read().split()).contains(Split.ALL_STABLE);
    }

    static List<String> problems(TrafficRouter router) {
        return router.inspect().problems().stream().map(Problem::toString).toList();
    }

    /** As a person would: the AWS CLI pointed at moto, with throwaway credentials. */
    private static void runInBash(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command + " --endpoint-url " + Moto.endpoint() + " --region "
                + Moto.REGION + " --output json").redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().remove("AWS_PROFILE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
