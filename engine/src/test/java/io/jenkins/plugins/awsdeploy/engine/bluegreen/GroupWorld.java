package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.aws.Capacity;
import io.jenkins.plugins.awsdeploy.engine.aws.RecordsPort;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAutoScaling;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Two Auto Scaling groups behind one listener, in memory and in virtual time: blue (web-blue) live on launch template
 * version 1 with min 2, desired 3, max 6; green (web-green) empty. New instances are InService after 60 s and healthy
 * targets 30 s later, as {@link FakeAutoScaling} runs them.
 */
final class GroupWorld {

    static final String BLUE = "web-blue";
    static final String GREEN = "web-green";
    static final String AMI = "ami-0bbbbbbbbbbbbbbb2";
    static final Capacity LIVE = new Capacity(2, 3, 6);

    final VirtualClock clock = new VirtualClock();
    final FakeAws aws = FakeAws.standard();
    final FakeAutoScaling asg = new FakeAutoScaling(clock)
            .group(BLUE, 1, BLUE_TG, LIVE)
            .group(GREEN, 1, GREEN_TG, new Capacity(0, 0, 6));

    static BlueGreenRequest request() {
        return new BlueGreenRequest().blueAutoScalingGroup(BLUE).blueTargetGroup(BLUE_TG).greenAutoScalingGroup(GREEN)
                .greenTargetGroup(GREEN_TG).listenerArn(LISTENER).imageId(AMI).alarms(List.of("5xx")).region("us-east-1");
    }

    AwsPorts ports() {
        return new AwsPorts(aws, aws, aws.ecs(), aws, RecordsPort.NONE, null, asg, aws.metrics());
    }

    Ticker start(UnaryOperator<BlueGreenRequest> tweak) {
        return new Ticker(new Engine(ports(), clock), clock, BlueGreenCheckpoint.start(tweak.apply(request()).toSpec()));
    }

    Split production() {
        return aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG).orElseThrow();
    }
}
