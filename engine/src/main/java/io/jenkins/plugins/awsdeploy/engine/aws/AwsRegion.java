package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.regex.Pattern;

/**
 * What an AWS region name looks like ({@code eu-west-1}, {@code us-gov-east-1}, {@code ap-southeast-5}). Loose on
 * purpose: it catches {@code us-east} and {@code useast1} without a list that goes stale as regions open.
 */
public final class AwsRegion {

    private static final Pattern NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private AwsRegion() {
    }

    public static boolean isName(String text) {
        return text != null && NAME.matcher(text).matches();
    }
}
