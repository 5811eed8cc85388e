package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Item;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.model.User;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class ApprovalLinksTest {
    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @Test
    void linksPointAtTheRunAction(JenkinsRule j) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("echo 'hello'", true));
        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        j.assertLogContains("hello", b);

        assertEquals("/job/p/1/aws-deploy/proceed", ApprovalLinks.methodPath(b, "aws-deploy", "proceed"));
        assertTrue(ApprovalLinks.offer(b, "aws-deploy", "canary 10%").contains("Proceed"));
        assertEquals(EventKind.APPROVED, ApprovalLinks.eventFor(true));
    }

    @Test
    void readersMayNeitherApproveNorAbort(JenkinsRule j) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("echo 'hello'", true));
        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Item.BUILD, Item.CANCEL).onItems(p).to("deployer"));

        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertFalse(ApprovalLinks.mayApprove(b));
            assertFalse(ApprovalLinks.mayAbort(b));
        }
        try (ACLContext ignored = ACL.as(User.getById("deployer", true))) {
            assertTrue(ApprovalLinks.mayApprove(b));
            assertTrue(ApprovalLinks.mayAbort(b));
        }
    }
}
