package io.jenkins.plugins.awsdeploy.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.jenkins.plugins.awsdeploy.localaws.testing.MotoGate;
import java.io.File;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Both modes of the rule, on test classes that start moto_server with a search path that has none, as a container
 * agent with only a JDK and Maven would: skipped with the reason by default, failed when moto is required.
 */
class MotoGateTest {

    @TempDir
    static Path empty;

    @Test
    void withoutMotoTheTestsThatNeedItAreSkippedSayingWhy() {
        EngineExecutionResults beforeAll = run(StartsMotoBeforeAll.class, false);
        beforeAll.containerEvents().assertStatistics(stats -> stats.aborted(0).failed(0));
        // Each test is skipped (not the class aborted): Surefire counts skipped tests and shows their reason.
        beforeAll.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(beforeAll.allEvents().skipped().stream().map(e -> e.getPayload(String.class).orElseThrow()))
                .hasSize(2).allSatisfy(MotoGateTest::isTheSkipReason);

        EngineExecutionResults inTest = run(StartsMotoInTheTest.class, false);
        inTest.testEvents().assertStatistics(stats -> stats.aborted(1).succeeded(1).failed(0));
        assertSkippedSayingWhy(inTest.testEvents(), 1);
    }

    @Test
    void whereMotoIsRequiredItsAbsenceIsAFailure() {
        EngineExecutionResults beforeAll = run(StartsMotoBeforeAll.class, true);
        beforeAll.containerEvents().assertStatistics(stats -> stats.aborted(0).failed(1));
        beforeAll.containerEvents().failed().assertThatEvents().haveExactly(1, event(container(), finishedWithFailure(
                message(m -> m.startsWith("moto.required is true") && m.contains("moto_server is not on the PATH")))));

        EngineExecutionResults inTest = run(StartsMotoInTheTest.class, true);
        inTest.testEvents().assertStatistics(stats -> stats.aborted(0).failed(1).succeeded(1));
        inTest.testEvents().failed().assertThatEvents().haveExactly(1,
                event(test(), finishedWithFailure(message(m -> m.startsWith("moto.required is true")))));
    }

    @Test
    void otherFailuresAreLeftAlone() {
        EngineExecutionResults results = run(FailsOtherwise.class, false);

        results.testEvents().assertStatistics(stats -> stats.aborted(0).failed(1));
        results.testEvents().failed().assertThatEvents().haveExactly(1,
                event(test(), finishedWithFailure(message("moto answered 500"))));
    }

    private static void assertSkippedSayingWhy(Events events, int count) {
        events.aborted().assertThatEvents().haveExactly(count, event(abortedWithReason(message(MotoGateTest::isTheSkipReason))));
    }

    private static boolean isTheSkipReason(String message) {
        assertThat(message).startsWith("skipped: this test runs against a local AWS")
                .contains("moto_server is not on the PATH", "pip install 'moto[server]' awscli", "-Dmoto.required=true");
        return true;
    }

    private static EngineExecutionResults run(Class<?> testClass, boolean required) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter(MotoGate.REQUIRED, String.valueOf(required))
                .selectors(selectClass(testClass))
                .execute();
    }

    /** What {@code MotoServer.start()} does first, on a PATH without moto_server. */
    private static void startMotoWithoutIt() {
        MotoServer.locate(empty + File.pathSeparator);
    }

    static class StartsMotoBeforeAll {
        static Object server;

        @BeforeAll
        static void startMoto() {
            startMotoWithoutIt();
            server = new Object();
        }

        /** The usual clean-up, which assumes the start worked. */
        @AfterAll
        static void stopMoto() {
            server.hashCode();
        }

        @Test
        void usesMoto() {
        }

        @ParameterizedTest
        @MethodSource("fromMoto")
        void usesWhatMotoHolds(String arn) {
        }

        /** Arguments read from moto's resources: asked for only if the test runs. */
        static Stream<String> fromMoto() {
            return Stream.of(server.toString());
        }
    }

    static class StartsMotoInTheTest {
        @Test
        void usesMoto() {
            startMotoWithoutIt();
        }

        @Test
        void doesNotNeedMoto() {
        }
    }

    static class FailsOtherwise {
        @Test
        void motoFails() {
            throw new IllegalStateException("moto answered 500");
        }
    }
}
