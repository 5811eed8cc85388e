package io.jenkins.plugins.awsdeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.ClockText;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one rule each for short resource names, region names and clock times, which every shell shows. */
class ResourceNamesTest {

    @Test
    void resourcesReadByTheNamePeopleKnowFromTheConsole() {
        assertThat(AwsArn.shortName(FakeAws.LISTENER)).isEqualTo("web/f2f7dc8efc522ab2");
        assertThat(AwsArn.shortName(FakeAws.RULE)).isEqualTo("web/9683b2d02a6cabee");
        assertThat(AwsArn.shortName(FakeAws.GREEN_TG)).isEqualTo("web-green");
        assertThat(AwsArn.shortName("arn:aws:ecs:us-east-1:123456789012:task-definition/web:12")).isEqualTo("web:12");
        assertThat(AwsArn.shortName("arn:aws:ecs:us-east-1:123456789012:service/prod/web-blue")).isEqualTo("web-blue");
        assertThat(AwsArn.shortName("arn:aws:ecs:us-east-1:123456789012:cluster/prod")).isEqualTo("prod");
        assertThat(AwsArn.shortName("web-blue")).isEqualTo("web-blue");
    }

    @Test
    void aListenerOrRuleReadsTheSameInEveryMessage() {
        // One shortener: the listener a message describes is named as the summary, the title and the links name it.
        String shortListener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web";
        for (String arn : new String[] {FakeAws.LISTENER, shortListener, "not-an-arn"}) {
            assertThat(TrafficTarget.listener(arn).describe()).isEqualTo("listener " + AwsArn.shortName(arn));
        }
        assertThat(TrafficTarget.rule(FakeAws.RULE).describe()).isEqualTo("rule web/9683b2d02a6cabee");
    }

    @Test
    void regionNamesAreCheckedByTheirForm() {
        assertThat(AwsRegion.isName("eu-west-1")).isTrue();
        assertThat(AwsRegion.isName("us-gov-west-1")).isTrue();
        assertThat(AwsRegion.isName("ap-southeast-5")).isTrue();
        assertThat(AwsRegion.isName("us-east")).isFalse();
        assertThat(AwsRegion.isName("useast1")).isFalse();
        assertThat(AwsRegion.isName("US-EAST-1")).isFalse();
        assertThat(AwsRegion.isName(null)).isFalse();
    }

    @Test
    void clockTimesAreUtcAndSaySo() {
        assertThat(ClockText.format(Instant.parse("2026-11-21T14:03:27.900Z"))).isEqualTo("14:03:27Z");
    }
}
