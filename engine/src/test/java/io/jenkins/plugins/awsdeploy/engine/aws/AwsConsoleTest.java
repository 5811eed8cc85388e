package io.jenkins.plugins.awsdeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Resource;
import io.jenkins.plugins.awsdeploy.engine.Strategies;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Console pages per region and partition, and for each resource a strategy lists: its label, the names event lines
 * use for it and its page, all from the engine, so that a shell links a new router's resources without knowing them.
 */
class AwsConsoleTest {

    static final String LISTENER =
            "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";

    @Test
    void consoleAddressesPerRegionAndPartition() {
        AwsConsole console = new AwsConsole("eu-west-1");
        assertThat(console.listener(LISTENER)).isEqualTo(
                "https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#ListenerDetails:listenerArn=" + LISTENER);
        assertThat(console.alarm("web 5xx"))
                .isEqualTo("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/web%205xx");
        assertThat(console.ecsService("arn:aws:ecs:eu-west-1:123456789012:cluster/prod", "web"))
                .isEqualTo("https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web?region=eu-west-1");
        assertThat(console.rule(LISTENER.replace(":listener/", ":listener-rule/") + "/9d1a2b3c"))
                .isEqualTo(console.listener(LISTENER));
        assertThat(new AwsConsole("cn-north-1").alarm("a"))
                .isEqualTo("https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1#alarmsV2:alarm/a");
    }

    @Test
    void eachResourceOfACanaryHasItsLabelItsNamesAndItsPage() {
        CanaryCheckpoint cp = CanaryCheckpoint.start(new CanaryRequest().listenerArn(FakeAws.LISTENER)
                .stableTargetGroup(FakeAws.BLUE_TG).canaryTargetGroup(FakeAws.GREEN_TG).steps(List.of(50, 100))
                .bake("1m").alarms(List.of("5xx")).region("us-east-1").toSpec());
        AwsConsole console = new AwsConsole("us-east-1");

        List<Resource> resources = Strategies.resources(cp);

        assertThat(resources).extracting(Resource::label)
                .containsExactly("listener", "stable target group web-blue", "canary target group web-green", "alarm 5xx");
        assertThat(resources.get(1).names()).containsExactly(FakeAws.BLUE_TG, "web-blue");
        assertThat(resources.get(3).names()).containsExactly("5xx");
        assertThat(resources).extracting(console::address).containsExactly(console.listener(FakeAws.LISTENER),
                console.targetGroup(FakeAws.BLUE_TG), console.targetGroup(FakeAws.GREEN_TG), console.alarm("5xx"));
    }

    @Test
    void anEcsServiceIsLabelledByItsNameAndLinkedInItsCluster() {
        Resource service = new Resource(Resource.Kind.ECS_SERVICE, "ECS service",
                "arn:aws:ecs:eu-west-1:123456789012:service/prod/web-blue", "prod");

        assertThat(service.label()).isEqualTo("ECS service web-blue");
        assertThat(new AwsConsole("eu-west-1").address(service))
                .isEqualTo("https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web-blue?region=eu-west-1");
    }

    @Test
    void aHostedZoneLinksToItsRecordsPage() {
        Resource zone = Resource.of(Resource.Kind.HOSTED_ZONE, "hosted zone", "Z0123456789ABC");

        assertThat(new AwsConsole("eu-west-1").address(zone)).isEqualTo(
                "https://eu-west-1.console.aws.amazon.com/route53/v2/hostedzones?region=eu-west-1#ListRecordSets/Z0123456789ABC");
    }

    @Test
    void aLambdaAliasLinksToItsFunctionsAliasPageByNameOrByArn() {
        String page = "https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/api/aliases/live";
        AwsConsole console = new AwsConsole("eu-west-1");

        assertThat(console.address(Resource.of(Resource.Kind.LAMBDA_ALIAS, "alias", "api:live"))).isEqualTo(page);
        assertThat(console.address(Resource.of(Resource.Kind.LAMBDA_ALIAS, "alias",
                "arn:aws:lambda:eu-west-1:123456789012:function:api:live"))).isEqualTo(page);
        assertThat(Resource.of(Resource.Kind.LAMBDA_ALIAS, "alias", "api:live").label()).isEqualTo("alias api:live");
    }
}
