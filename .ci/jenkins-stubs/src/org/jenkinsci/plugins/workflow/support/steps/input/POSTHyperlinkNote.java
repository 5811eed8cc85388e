// Stand-in for: jenkinsci/workflow-support-plugin src/main/java/org/jenkinsci/plugins/workflow/support/steps/input/POSTHyperlinkNote.java
// (lives in workflow-support, not pipeline-input-step). Omitted: nested DescriptorImpl.
package org.jenkinsci.plugins.workflow.support.steps.input;

import hudson.console.HyperlinkNote;

public final class POSTHyperlinkNote extends HyperlinkNote {
    public static String encodeTo(String url, String text) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public POSTHyperlinkNote(String url, int length) {
        super(url, length);
    }

    @Override
    protected String extraAttributes() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
