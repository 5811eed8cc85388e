package io.jenkins.plugins.awsdeploy.engine.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A failed call in one short phrase for a log line or an outcome. The SDK's own messages can run to a
 * page (the credential chain lists every provider it tried); a release manager needs the error code and
 * the first sentence.
 */
public final class AwsFailure {

    private static final int MAX = 200;

    private AwsFailure() {
    }

    public static String describe(Throwable e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            String code = s.awsErrorDetails().errorCode();
            String text = s.awsErrorDetails().errorMessage();
            return clip((code == null ? "" : code + ": ") + (text == null ? "" : text) + " (HTTP " + s.statusCode() + ")");
        }
        String message = e.getMessage();
        if (e instanceof SdkClientException && message != null) {
            int end = message.indexOf(". ");
            if (end > 0) message = message.substring(0, end + 1);
        }
        return clip(message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
    }

    private static String clip(String s) {
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX - 1) + "…";
    }
}
