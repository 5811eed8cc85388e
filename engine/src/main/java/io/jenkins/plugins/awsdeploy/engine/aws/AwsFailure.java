package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A failed call in one short phrase for a log line or an outcome. The SDK's own messages can run to a
 * page (the credential chain lists every provider it tried); a release manager needs the error code and
 * the first sentence.
 */
public final class AwsFailure {

    private static final int MAX = 200;
    /** Room for an IAM denial: the principal, the action and the resource ARN, which together run long. */
    private static final int MAX_DENIED = 600;
    private static final Pattern DENIED = Pattern.compile("perform:?\\s+(\\S+?)\\s+on resource:?\\s+(\\S+)");

    private AwsFailure() {
    }

    public static String describe(Throwable e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            String code = s.awsErrorDetails().errorCode();
            String text = s.awsErrorDetails().errorMessage();
            if (text == null || text.isBlank()) text = rawBody(s.awsErrorDetails());
            if (denied(code, s.statusCode())) return deniedPhrase(code, text, s.statusCode());
            return clip((code == null ? "" : code + ": ") + (text == null ? "" : text) + " (HTTP " + s.statusCode() + ")", MAX);
        }
        String message = e.getMessage();
        if (e instanceof SdkClientException && message != null) {
            int end = message.indexOf(". ");
            if (end > 0) message = message.substring(0, end + 1);
        }
        return clip(message == null || message.isBlank() ? e.getClass().getSimpleName() : message, MAX);
    }

    private static boolean denied(String code, int status) {
        return status == 403 || (code != null && (code.startsWith("AccessDenied") || code.equals("UnauthorizedOperation")
                || code.equals("AuthorizationError")));
    }

    /**
     * The denied action and resource as AWS named them, first: that is what goes into the IAM policy. The whole
     * message follows, so that the principal and the reason (an explicit deny, an SCP) are not lost.
     */
    private static String deniedPhrase(String code, String text, int status) {
        String body = text == null ? "" : text;
        Matcher m = DENIED.matcher(body);
        String what = m.find() ? "access denied to " + m.group(1) + " on " + m.group(2) + ": " : "access denied: ";
        return clip(what + (code == null ? "" : code + ": ") + body + " (HTTP " + status + ")", MAX_DENIED);
    }

    /** What AWS sent when the SDK could not make an error message of it (an unexpected format, a proxy's page). */
    private static String rawBody(AwsErrorDetails details) {
        SdkBytes raw = details.rawResponse();
        return raw == null ? null : raw.asUtf8String();
    }

    private static String clip(String s, int max) {
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
