package io.jenkins.plugins.awsdeploy.engine.canary;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase;
import io.jenkins.plugins.awsdeploy.engine.routing.AlbListener;
import io.jenkins.plugins.awsdeploy.engine.routing.AlbRule;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * State files written before a canary named its router (round 1: the spec held the listener or rule and the two
 * target groups) still load, as the same router, and still resume. The files are real ones, written by the
 * round-1 engine halfway through a canary (at 90/10, baking) and a blue/green switch.
 */
class OldStateFilesTest {

    static String resource(String name) throws IOException {
        try (InputStream in = OldStateFilesTest.class.getResourceAsStream("/state/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRoundOneListenerCanaryLoadsAsTheListenerRouter() throws IOException {
        String old = resource("canary-listener-round1.json");
        assertThat(old).contains("\"stableTargetGroup\"").doesNotContain("\"router\"");

        CanaryCheckpoint cp = (CanaryCheckpoint) JsonCodec.readCheckpoint(old);

        assertThat(cp.spec().router()).isEqualTo(new AlbListener(LISTENER, BLUE_TG, GREEN_TG));
        assertThat(cp.live()).isEqualTo(new Split(90, 10));
        assertThat(cp.spec().alarms()).containsExactly("5xx");
        // The same parameters given again make an equal spec, so the CLI recognises the state file as this canary's.
        assertThat(cp.spec()).isEqualTo(new CanaryRequest().listenerArn(LISTENER).stableTargetGroup(BLUE_TG)
                .canaryTargetGroup(GREEN_TG).steps(List.of(10, 50, 100)).bake("1m").alarms(List.of("5xx"))
                .region("us-east-1").toSpec());
    }

    @Test
    void aRoundOneRuleCanaryLoadsAsTheRuleRouterAndIsWrittenBackInTheNewShape() throws IOException {
        CanaryCheckpoint cp = (CanaryCheckpoint) JsonCodec.readCheckpoint(resource("canary-rule-round1.json"));

        assertThat(cp.spec().router()).isEqualTo(new AlbRule(RULE, BLUE_TG, GREEN_TG));
        String now = JsonCodec.write(cp);
        assertThat(now).contains("\"router\":{\"kind\":\"alb-rule\"").doesNotContain("\"target\"");
        assertThat(JsonCodec.readCheckpoint(now)).isEqualTo(cp);
    }

    @Test
    void aRoundOneCanaryResumesAndFinishes() throws IOException {
        CanaryCheckpoint cp = (CanaryCheckpoint) JsonCodec.readCheckpoint(resource("canary-listener-round1.json"));
        FakeAws aws = FakeAws.standard();
        aws.setWeights(LISTENER, Map.of(BLUE_TG, 90, GREEN_TG, 10));
        VirtualClock clock = new VirtualClock();
        Ticker t = new Ticker(new Engine(aws.ports()), clock, cp);

        t.apply(t.engine().resume(cp, clock.instant()));
        t.runToEnd();

        assertThat(t.checkpoint().outcome().orElseThrow()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(aws.weights(LISTENER).weightOf(GREEN_TG)).isEqualTo(100);
    }

    @Test
    void aRoundOneBlueGreenSwitchLoadsWithItsCanaryOnTheListenerRouter() throws IOException {
        Checkpoint cp = JsonCodec.readCheckpoint(resource("bluegreen-switching-round1.json"));

        BlueGreenPhase phase = ((BlueGreenCheckpoint) cp).phase();
        assertThat(phase).isInstanceOf(BlueGreenPhase.Switching.class);
        CanarySpec sub = ((BlueGreenPhase.Switching) phase).canary().spec();
        assertThat(sub.router()).isEqualTo(new AlbListener(LISTENER, BLUE_TG, GREEN_TG));
    }
}
