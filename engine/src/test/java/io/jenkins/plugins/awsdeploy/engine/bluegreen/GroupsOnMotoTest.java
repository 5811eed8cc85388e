package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.outcome;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.phase;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import io.jenkins.plugins.awsdeploy.engine.ownership.Lease;
import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAsg;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Blue/green on two Auto Scaling groups through the real SDK against moto. Moto reports every instance as launched
 * from the template's default version, so the test makes the new version the default once the engine waits for it
 * ({@link MotoAsg#makeDefault}): until then the green instances read as the old version and the engine must wait.
 */
@ExtendWith(Moto.class)
class GroupsOnMotoTest {

    static final String ALARM = "asg-5xx";
    static int count;
    static AwsSession session;

    MotoAlb alb;
    MotoAsg asg;
    final VirtualClock clock = new VirtualClock();

    @BeforeAll
    static void connect() {
        session = new AwsSession(Moto.access());
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    @BeforeEach
    void twoGroupsBehindOneListener() {
        count++;
        alb = MotoAlb.create("asg" + count).alarm(ALARM);
        asg = MotoAsg.build("asg" + count, alb.blueTg, alb.greenTg, 3);
    }

    @AfterEach
    void closeClients() {
        asg.close();
        alb.close();
    }

    BlueGreenRequest request() {
        return new BlueGreenRequest().blueAutoScalingGroup(MotoAsg.BLUE).blueTargetGroup(alb.blueTg)
                .greenAutoScalingGroup(MotoAsg.GREEN).greenTargetGroup(alb.greenTg).listenerArn(alb.listenerArn)
                .imageId(MotoAsg.AMI_V2).alarms(List.of(ALARM)).scaleDownAfter("30s").region(Moto.REGION);
    }

    Ticker start(UnaryOperator<BlueGreenRequest> tweak) {
        return new Ticker(new Engine(session.ports(), clock), clock, BlueGreenCheckpoint.start(tweak.apply(request()).toSpec()));
    }

    @Test
    void newImageOnGreenSwitchesAndScalesBlueDown() {
        Ticker t = start(r -> r.steps(List.of(50, 100)).bake("10s"));
        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        String v2 = ((BlueGreenCheckpoint) t.checkpoint()).taskDefinition();
        assertThat(v2).isEqualTo(asg.templateId + ":2");
        assertThat(asg.versions()).containsEntry(2L, MotoAsg.AMI_V2);
        AutoScalingGroup green = asg.group(MotoAsg.GREEN);
        assertThat(green.launchTemplate().version()).isEqualTo("2");
        assertThat(List.of(green.minSize(), green.desiredCapacity(), green.maxSize())).containsExactly(3, 3, 6);

        // moto reports green's instances on version 1: not the new version, so no traffic moves.
        t.runUntil(x -> false, 5);
        assertThat(phase(t)).isInstanceOf(BlueGreenPhase.WaitingForIdle.class);
        assertThat(t.checkpoint().status()).contains("3 instance(s) version 1");
        assertThat(alb.listenerSplit()).isEqualTo(Split.ALL_STABLE);

        asg.makeDefault(2);
        t.runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(outcome.message()).contains("green (web-green) is live on " + v2 + " with 3 instance(s) running");
        assertThat(alb.listenerWeights()).isEqualTo(Map.of(alb.blueTg, 0, alb.greenTg, 100));
        AutoScalingGroup blue = asg.group(MotoAsg.BLUE);
        assertThat(List.of(blue.minSize(), blue.desiredCapacity())).containsExactly(0, 0);
        assertThat(blue.launchTemplate().version()).isEqualTo("1");
        assertThat(asg.tags(MotoAsg.BLUE)).containsEntry(AsgFleet.CAPACITY_TAG, "min=3,desired=3,max=6");
        assertThat(asg.tags(MotoAsg.GREEN)).containsEntry(KnownGoodTag.KEY, v2);
        // The ownership marks are gone from both groups once the deployment ended.
        assertThat(asg.tags(MotoAsg.BLUE)).doesNotContainKey(Lease.DEPLOYMENT_KEY);
        assertThat(asg.tags(MotoAsg.GREEN)).doesNotContainKey(Lease.DEPLOYMENT_KEY);
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.SHIFTED).extracting(DeploymentEvent::weights)
                .containsExactly(new Split(50, 50), new Split(0, 100));
        assertThat(JsonCodec.readCheckpoint(JsonCodec.write(t.checkpoint()))).isEqualTo(t.checkpoint());
    }

    @Test
    void theNextRunDeploysTheOtherWayCountingOnlyTheGroupsOwnInstancesAsTargets() {
        Ticker first = start(r -> r.scaleDownAfter("0s"));
        first.runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        asg.makeDefault(2);
        first.runToEnd();
        assertThat(outcome(first)).isInstanceOf(Outcome.Succeeded.class);
        // moto did not deregister blue's 3 instances when blue was scaled to 0: its target group still calls them healthy.
        assertThat(alb.elb.describeTargetHealth(r -> r.targetGroupArn(alb.blueTg)).targetHealthDescriptions()).hasSize(3);

        Ticker second = start(r -> r.imageId(MotoAsg.AMI_V1).scaleDownAfter("0s"));
        second.runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        assertThat(asg.group(MotoAsg.BLUE).launchTemplate().version()).isEqualTo("3");
        assertThat(asg.versions()).containsEntry(3L, MotoAsg.AMI_V1);
        // Blue's new instances read as version 2 until 3 is the default: the stale healthy targets do not make it ready.
        second.runUntil(x -> false, 3);
        assertThat(phase(second)).isInstanceOf(BlueGreenPhase.WaitingForIdle.class);
        asg.makeDefault(3);
        second.runToEnd();

        Outcome outcome = outcome(second);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Succeeded.class);
        // Blue's target group lists 6 healthy targets: 3 stale ones of the instances blue no longer has, 3 of its own.
        assertThat(alb.elb.describeTargetHealth(r -> r.targetGroupArn(alb.blueTg)).targetHealthDescriptions()).hasSize(6);
        assertThat(second.events()).anySatisfy(e -> assertThat(e.message()).contains("web-blue is stable on " + asg.templateId
                + ":3: 3/3 instances InService on version 3, 3 healthy targets for 3 instances"));
        assertThat(alb.listenerWeights()).isEqualTo(Map.of(alb.blueTg, 100, alb.greenTg, 0));
        assertThat(asg.group(MotoAsg.GREEN).desiredCapacity()).isZero();
        assertThat(asg.tags(MotoAsg.GREEN)).containsEntry(AsgFleet.CAPACITY_TAG, "min=3,desired=3,max=6");
        assertThat(asg.tags(MotoAsg.BLUE)).containsEntry(KnownGoodTag.KEY, asg.templateId + ":3");
    }

    @Test
    void anExistingVersionIsDeployedAsItIs() {
        long v3 = asg.newVersion(MotoAsg.AMI_V2);
        Ticker t = start(r -> r.imageId(null).launchTemplateVersion(Long.toString(v3)));
        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        assertThat(asg.versions()).hasSize(2);
        assertThat(asg.group(MotoAsg.GREEN).launchTemplate().version()).isEqualTo(Long.toString(v3));
        asg.makeDefault(v3);
        t.runToEnd();
        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(alb.listenerSplit()).isEqualTo(new Split(0, 100));
    }

    @Test
    void anAlarmDuringTheWaitSwitchesBackAndLeavesGreenForInspection() {
        Ticker t = start(r -> r);
        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        asg.makeDefault(2);
        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.ScaleDownWait, 20);
        assertThat(alb.listenerSplit()).isEqualTo(new Split(0, 100));
        // moto now reports blue's instances on version 2 as well; put them back on 1 as AWS would report them.
        asg.makeDefault(1);
        alb.setAlarm(ALARM, StateValue.ALARM, "Threshold Crossed: 12 > 5");
        t.runUntil(x -> x.checkpoint().finished(), 20);
        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome.message()).contains("asg-5xx", "web-green stays up on " + asg.templateId + ":2 for inspection");
        assertThat(alb.listenerSplit()).isEqualTo(Split.ALL_STABLE);
        assertThat(asg.tags(MotoAsg.GREEN)).doesNotContainKey(KnownGoodTag.KEY);
        assertThat(asg.group(MotoAsg.BLUE).desiredCapacity()).isEqualTo(3);
    }

    @Test
    void aHealthyInstanceRegisteredByHandInGreensTargetGroupIsNamedAndNothingChanges() {
        String foreign = asg.ec2.runInstances(r -> r.imageId(MotoAsg.AMI_V1).minCount(1).maxCount(1)).instances().get(0).instanceId();
        alb.elb.registerTargets(r -> r.targetGroupArn(alb.greenTg).targets(x -> x.id(foreign)));
        Ticker t = start(r -> r);
        t.runToEnd();
        Outcome o = outcome(t);
        assertThat(o).as(o.message()).isInstanceOf(Outcome.Invalid.class);
        assertThat(o.message()).contains("greenTargetGroup", foreign + " (healthy)", "no instances of " + MotoAsg.GREEN);
        assertThat(asg.group(MotoAsg.GREEN).desiredCapacity()).isZero();
        assertThat(asg.versions()).hasSize(1);
        assertThat(alb.listenerSplit()).isEqualTo(Split.ALL_STABLE);
    }
}
