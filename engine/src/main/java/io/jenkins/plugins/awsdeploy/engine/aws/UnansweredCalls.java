package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.DurationText;
import java.net.SocketTimeoutException;
import java.time.Duration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Makes an endpoint that accepts connections and never answers cost one call timeout, not one per call.
 *
 * <p>The SDK's timeout says only "did not complete before 20000 millis"; a release manager needs to know which
 * call. And a preflight reads resource after resource: against a silent endpoint each read would wait its full
 * timeout in turn. So, until the endpoint has answered anything at all in this session, a call that got no answer
 * makes the calls that follow within the next call timeout fail at once, naming the one that hung. Only in a tick
 * that began before any change ({@link FailFast}), and only until that tick makes a call that may change something;
 * once anything was answered, every call gets its full time again: a rollback must never be cut short.
 */
final class UnansweredCalls implements ExecutionInterceptor {

    private final Duration callTimeout;
    private volatile boolean answered;
    private volatile String hung;
    private volatile long hungAtNanos;

    UnansweredCalls(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (mayChange(attributes)) FailFast.changing();
        String before = hung;
        if (FailFast.allowed() && !answered && before != null && System.nanoTime() - hungAtNanos < callTimeout.toNanos()) {
            throw new NoAnswer(name(attributes) + " not tried: " + before);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        answered = true;
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        if (failure instanceof NoAnswer) return failure;
        if (!unanswered(failure)) {
            // An error answer (throttling, access denied) is an answer: the endpoint is alive.
            if (!(failure instanceof SdkClientException)) answered = true;
            return failure;
        }
        String what = name(attributes) + " got no answer within " + DurationText.format(callTimeout) + " (callTimeout)";
        hung = what;
        hungAtNanos = System.nanoTime();
        // The SDK wants the same kind of exception back (and callers may test for it): only the message changes.
        return failure instanceof SdkException sdk ? sdk.toBuilder().message(what).cause(failure).build() : failure;
    }

    private static boolean unanswered(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Reads (Describe*, List*, Get*) and taking a role change nothing; anything else (a write, a tag) may. */
    private static boolean mayChange(ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return operation == null || !(operation.startsWith("Describe") || operation.startsWith("List")
                || operation.startsWith("Get") || operation.equals("AssumeRole"));
    }

    private static String name(ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        return (operation == null ? "an AWS call" : operation) + (service == null ? "" : " (" + service + ")");
    }

    /** A call that got no answer, or was not tried because the one before it got none. */
    static final class NoAnswer extends SdkClientException {
        NoAnswer(String message) {
            super(SdkClientException.builder().message(message));
        }
    }
}
