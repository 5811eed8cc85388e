package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;

/** Routes by the weights of the forward action of one ALB listener rule; the rule's conditions stay as they are. */
final class RuleRouter extends ForwardRouter {

    RuleRouter(TrafficPort elb, AlbRule spec) {
        super(elb, spec);
    }

    @Override
    String modifyCommand() {
        return "modify-rule --rule-arn " + spec().resource() + " --actions";
    }

    @Override
    String describeCommand() {
        return "describe-rules";
    }

    @Override
    String label() {
        return "listener rule";
    }
}
