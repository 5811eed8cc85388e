package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;

/** The Pipeline calls the tests run, on a load balancer of the engine's test kit. */
final class StepCall {

    private StepCall() {
    }

    /** The canaryShift call for {@code lb}; {@code more} adds parameters, e.g. {@code "bake: '1s'"}. */
    static String canaryShift(MotoAlb lb, String endpoint, String more) {
        return "canaryShift(listenerArn: '" + lb.listenerArn + "', stableTargetGroup: '" + lb.blueTg
                + "', canaryTargetGroup: '" + lb.greenTg + "', region: '" + MotoAlb.REGION + "', endpointUrl: '" + endpoint
                + "', credentialsId: 'moto', poll: '1s'" + (more.isEmpty() ? "" : ", " + more) + ")";
    }
}
