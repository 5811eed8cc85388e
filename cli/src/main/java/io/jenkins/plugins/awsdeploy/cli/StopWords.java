package io.jenkins.plugins.awsdeploy.cli;

/**
 * What Ctrl-C and SIGTERM do to one kind of deployment, in the words the person at the terminal reads: a
 * canary puts traffic back, a rollback leaves the service where it is. Telling a person that traffic goes back
 * when nothing will move would be worse than saying nothing.
 *
 * @param hint  said once, when something can start to change
 * @param first said when the first signal arrives, after its reason
 * @param again said for every further signal while the stop is under way
 */
public record StopWords(String hint, String first, String again) {

    /** For deployments whose abort moves all traffic back to {@code side}. */
    public static StopWords trafficBackTo(String side) {
        return new StopWords("Ctrl-C stops the deployment and puts all traffic back on " + side + ".",
                "stopping; traffic goes back to " + side + " before the command exits.",
                "still putting traffic back on " + side + ", please wait (kill -9 would leave traffic where it is now).");
    }
}
