package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import hudson.model.Item;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** Users, credentials and HTTP helpers shared by the approval-gate tests. */
final class GateFixtures {

    /** How long a test waits for a deployment to reach a state (moto answers in milliseconds; ticks poll every 1s). */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private GateFixtures() {
    }

    /**
     * The Pipeline call of a canary 50% → (approval) → 100% on {@code lb}, watching the alarm {@code checkout-5xx};
     * {@code extra} adds parameters.
     */
    static String gatedCanary(MotoAlb lb, LocalAws aws, String extra) {
        return StepCall.canaryShift(lb, aws.endpoint().toString(), "steps: [50, 100], bake: '1s', approveBefore: [100], "
                + "alarms: ['" + ALARM + "'], " + extra);
    }

    static final String ALARM = "checkout-5xx";

    /**
     * Everyone signed in may read. {@code alice} is named as an approver; {@code dave} approves through the group
     * {@code release-managers} (neither has Job/Build: being named is enough); {@code bob} may build but is no
     * approver; {@code carol} may cancel but is no approver; {@code admin} administers. Dummy realm: each password is
     * the user name.
     */
    static void secure(JenkinsRule j) {
        JenkinsRule.DummySecurityRealm realm = j.createDummySecurityRealm();
        realm.addGroups("dave", "release-managers");
        j.jenkins.setSecurityRealm(realm);
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().toAuthenticated()
                .grant(Item.BUILD).everywhere().to("bob")
                .grant(Item.CANCEL).everywhere().to("carol"));
    }

    /** The approvers every gate test names. */
    static final String APPROVERS = "approvers: 'alice, release-managers'";

    /** Waits until the run lists a deployment waiting for approval, and returns its id. */
    static String awaitWaiting(WorkflowRun b) throws InterruptedException {
        await("a deployment waiting for approval in " + b, () -> {
            DeploymentsAction a = b.getAction(DeploymentsAction.class);
            return a != null && !a.getWaiting().isEmpty();
        });
        List<DeploymentsAction.WaitingView> waiting = b.getAction(DeploymentsAction.class).getWaiting();
        assertEquals(1, waiting.size(), "one deployment waits");
        return waiting.get(0).getId();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("gave up waiting for " + what);
            Thread.sleep(250);
        }
    }

    /**
     * POSTs to {@code aws-deployments/<method>?id=...} of the run, with a crumb, and returns the response. The crumb goes
     * in the form body ({@code addCrumb}): {@code createCrumbedUrl} appends {@code ?crumb=...} to the path whatever it
     * holds, which after {@code ?id=...} would turn the crumb into part of the id and get every POST refused.
     */
    static WebResponse post(JenkinsRule.WebClient wc, WorkflowRun b, String method, String id) throws IOException {
        WebRequest request = new WebRequest(URI.create(wc.getContextPath() + answerPath(b, method, id)).toURL(),
                HttpMethod.POST);
        return wc.loadWebResponse(wc.addCrumb(request));
    }

    /** {@code job/p/1/aws-deployments/proceed?id=...}, relative to the Jenkins root. */
    static String answerPath(WorkflowRun b, String method, String id) {
        return b.getUrl() + DeploymentsAction.URL_NAME + "/" + method + "?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    static DeploymentRecord onlyRecord(WorkflowRun b) {
        DeploymentsAction a = b.getAction(DeploymentsAction.class);
        assertNotNull(a, "the run has the deployments action");
        assertEquals(1, a.getRecords().size(), "one finished deployment");
        return a.getRecords().get(0);
    }
}
