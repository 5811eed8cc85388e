package io.jenkins.plugins.awsdeploy;

import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import org.jenkinsci.plugins.workflow.support.steps.input.POSTHyperlinkNote;

/**
 * Builds the Proceed/Abort links an approval gate prints to the build log, and tells who may follow them.
 * The links send POST requests to {@code doProceed}/{@code doAbort} of the run action named {@code urlName}.
 */
public final class ApprovalLinks {
    private ApprovalLinks() {}

    /** Path of an action method on a run, from the Jenkins root: {@code /job/p/3/<urlName>/<method>}. */
    public static String methodPath(Run<?, ?> run, String urlName, String method) {
        return "/" + run.getUrl() + urlName + "/" + method;
    }

    /** A console line offering both choices for one gate. */
    public static String offer(Run<?, ?> run, String urlName, String gate) {
        return "Waiting for approval of " + gate + ": "
                + POSTHyperlinkNote.encodeTo(methodPath(run, urlName, "proceed"), "Proceed")
                + " or "
                + POSTHyperlinkNote.encodeTo(methodPath(run, urlName, "abort"), "Abort");
    }

    /** Approving a gate needs the same permission as starting the job. */
    public static boolean mayApprove(Run<?, ?> run) {
        Job<?, ?> job = run.getParent();
        return job.hasPermission(Item.BUILD);
    }

    /** Aborting a gate needs the permission to cancel the build. */
    public static boolean mayAbort(Run<?, ?> run) {
        Job<?, ?> job = run.getParent();
        return job.hasPermission(Item.CANCEL);
    }

    /** The engine event recorded for an answer. */
    public static EventKind eventFor(boolean approved) {
        return approved ? EventKind.APPROVED : EventKind.DECLINED;
    }
}
