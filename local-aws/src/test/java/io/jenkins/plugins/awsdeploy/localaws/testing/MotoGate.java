package io.jenkins.plugins.awsdeploy.localaws.testing;

import io.jenkins.plugins.awsdeploy.localaws.MotoServerMissing;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * The one rule for tests that need a local AWS on a machine without moto_server: they are skipped, each saying
 * why, unless {@value #REQUIRED} is true, where a missing moto_server fails them. Jenkins' own CI builds this
 * project on container agents that have a JDK and Maven and nothing else; this project's {@code .ci/run} installs
 * moto and sets {@code -Dmoto.required=true}, so there a skip can never hide a broken install.
 *
 * <p>Registered for every test through JUnit's extension auto-detection (see this jar's {@code META-INF/services}),
 * because moto is started in many places (test kits, {@code @BeforeAll} methods, the engine's {@code Moto}
 * extension): whatever starts it, the {@link MotoServerMissing} it throws ends up here. Extensions that start moto
 * themselves hand it to {@link #missing} directly, since JUnit offers no handler for another extension's failures.
 *
 * <p>A class whose set-up found no moto has each of its tests skipped rather than the class aborted, because
 * Surefire counts and reports skipped tests but says nothing of an aborted class; a condition rather than a
 * callback, so that a parameterized test is skipped before its arguments (often built from moto) are asked for. After a skip, the clean-up
 * methods of that scope find nothing started (a null server, a null client): what they throw is noise and dropped.
 */
public final class MotoGate implements ExecutionCondition, LifecycleMethodExecutionExceptionHandler,
        TestExecutionExceptionHandler {

    /** Configuration parameter (or system property: JUnit reads both) that makes a missing moto_server a failure. */
    public static final String REQUIRED = "moto.required";

    private static final ExtensionContext.Namespace SKIPS = ExtensionContext.Namespace.create(MotoGate.class);
    private static final String SKIP = "skip";

    /**
     * moto_server is missing for everything in {@code context}: fails now where moto is required, else marks the
     * scope so that each of its tests is skipped with the reason.
     */
    public static void missing(ExtensionContext context, MotoServerMissing missing) {
        if (required(context)) {
            throw new IllegalStateException(REQUIRED + " is true, so a missing moto_server fails this test instead of"
                    + " skipping it: " + missing.getMessage(), missing);
        }
        context.getStore(SKIPS).put(SKIP, new TestAbortedException("skipped: this test runs against a local AWS and "
                + missing.getMessage() + " (set -D" + REQUIRED + "=true to make this a failure)", missing));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return skip(context).map(skip -> ConditionEvaluationResult.disabled(skip.getMessage()))
                .orElseGet(() -> ConditionEvaluationResult.enabled("moto_server was found, or is not needed"));
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Optional<MotoServerMissing> missing = missingIn(failure);
        if (missing.isPresent()) {
            missing(context, missing.get());
        } else if (skip(context).isEmpty()) {
            throw failure;
        }
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw skipOrFail(context, failure);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw skipOrFail(context, failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (skip(context).isEmpty()) throw failure;
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (skip(context).isEmpty()) throw failure;
    }

    private static Throwable skipOrFail(ExtensionContext context, Throwable failure) {
        Optional<MotoServerMissing> missing = missingIn(failure);
        if (missing.isEmpty()) return failure;
        missing(context, missing.get());
        return skip(context).orElseThrow();
    }

    /** The skip recorded for this scope or an enclosing one (JUnit's stores look up their parents). */
    private static Optional<TestAbortedException> skip(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(SKIPS).get(SKIP, TestAbortedException.class));
    }

    private static Optional<MotoServerMissing> missingIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MotoServerMissing missing) return Optional.of(missing);
            if (t.getCause() == t) break;
        }
        return Optional.empty();
    }

    private static boolean required(ExtensionContext context) {
        return context.getConfigurationParameter(REQUIRED).map(Boolean::parseBoolean).orElse(false);
    }
}
