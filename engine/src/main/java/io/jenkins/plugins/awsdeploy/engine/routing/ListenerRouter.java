package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;

/** Routes by the weights of an ALB listener's default forward action. */
final class ListenerRouter extends ForwardRouter {

    ListenerRouter(TrafficPort elb, AlbListener spec) {
        super(elb, spec);
    }

    @Override
    String modifyCommand() {
        return "modify-listener --listener-arn " + spec().resource() + " --default-actions";
    }

    @Override
    String describeCommand() {
        return "describe-listeners";
    }

    @Override
    String label() {
        return "listener";
    }
}
