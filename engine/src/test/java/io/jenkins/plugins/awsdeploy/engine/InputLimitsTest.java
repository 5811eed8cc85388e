package io.jenkins.plugins.awsdeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;

/** Input that would overflow or fail late is refused when it is checked, naming the parameter. */
class InputLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"169h", "10081m", "604801s", "99999999999999999999h", "9223372036854775807h",
            "9223372036854775807s"})
    void durationsBeyondAWeekOrBeyondArithmeticAreRefusedNamingTheParameter(String text) {
        assertThatThrownBy(() -> DurationText.parse("bake", text)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.parameter()).isEqualTo("bake");
                    assertThat(p.message()).contains("longer than 7 days");
                }));
    }

    @Test
    void aWeekItselfIsAllowed() {
        assertThat(DurationText.parse("bake", "168h")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void everyDurationOfACanaryIsBounded() {
        assertThatThrownBy(() -> new CanaryRequest().listenerArn(FakeAws.LISTENER).stableTargetGroup(FakeAws.BLUE_TG)
                .canaryTargetGroup(FakeAws.GREEN_TG).steps(List.of(100)).bake("1h").poll("200h")
                .approveBefore(List.of(100)).approvalTimeout("99999999999999999999999h").toSpec())
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(Problem::parameter)
                        .containsExactlyInAnyOrder("poll", "approvalTimeout"));
    }

    @Test
    void anArnOfAnotherPartitionThanTheRegionIsRefused() {
        String china = "arn:aws-cn:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
        assertThat(AwsArn.check("listenerArn", china, "elasticloadbalancing", "listener/", "listener", "us-east-1"))
                .get().satisfies(p -> assertThat(p.message()).contains("partition aws-cn", "partition aws"));
        String gov = "arn:aws-us-gov:elasticloadbalancing:us-gov-west-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
        assertThat(AwsArn.check("listenerArn", gov, "elasticloadbalancing", "listener/", "listener", "us-gov-west-1")).isEmpty();
    }

    @Test
    void accessDeniedNamesTheActionAndTheResourceAsAwsSaidThem() {
        String resource = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/a-rather-long-load-balancer-name/"
                + "50dc6c495c0c9188/f2f7dc8efc522ab2";
        String message = "User: arn:aws:sts::123456789012:assumed-role/jenkins-deployer-with-a-long-name/i-0123456789abcdef0"
                + " is not authorized to perform: elasticloadbalancing:ModifyListener on resource: " + resource
                + " because no identity-based policy allows the elasticloadbalancing:ModifyListener action";
        AwsServiceException denied = AwsServiceException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("AccessDenied").errorMessage(message).build()).build();

        assertThat(AwsFailure.describe(denied)).startsWith("access denied to elasticloadbalancing:ModifyListener on "
                + resource + ": AccessDenied: User: arn:aws:sts::123456789012:assumed-role/").contains("because no identity-based");
    }

    @Test
    void anErrorTheSdkCouldNotParseShowsTheRawBody() {
        AwsServiceException odd = AwsServiceException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                .rawResponse(SdkBytes.fromUtf8String("<html>Request blocked by corporate proxy: elasticloadbalancing</html>"))
                .build()).build();

        assertThat(AwsFailure.describe(odd)).contains("Request blocked by corporate proxy", "HTTP 403");
    }

    @Test
    void aCheckpointAtAStepItsPlanDoesNotHaveContradictsItself() {
        String json = JsonCodec.write(CanaryCheckpoint.start(new CanaryRequest().listenerArn(FakeAws.LISTENER)
                .stableTargetGroup(FakeAws.BLUE_TG).canaryTargetGroup(FakeAws.GREEN_TG).steps(List.of(50, 100)).bake("1m")
                .toSpec())).replace("{\"phase\":\"Preflight\"}", "{\"phase\":\"Baking\",\"step\":6,\"until\":\"2026-11-21T12:00:00Z\"}");

        Checkpoint edited = JsonCodec.readCheckpoint(json);

        assertThat(edited.contradictions()).containsExactly("its phase is at step 7 of a plan of 2 step(s)");
    }
}
