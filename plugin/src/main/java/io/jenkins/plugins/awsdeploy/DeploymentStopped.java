package io.jenkins.plugins.awsdeploy;

import jenkins.model.CauseOfInterruption;

/**
 * Why a deployment step ended ABORTED without the build being aborted: a person declined the approval, or nobody
 * answered before approvalTimeout. Traffic is back on the stable side by then; the message says so.
 */
final class DeploymentStopped extends CauseOfInterruption {

    private static final long serialVersionUID = 1L;

    private final String message;

    DeploymentStopped(String message) {
        this.message = message;
    }

    @Override
    public String getShortDescription() {
        return message;
    }
}
