package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.TaskListener;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenCheckpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** How scripts and the Snippet Generator's text fields become step parameters, and the links in event lines. */
@WithJenkins
class StepFormsTest {

    private static final String LISTENER =
            "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";

    @Test
    void aScriptMayGiveImagesAsAMap(JenkinsRule j) throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("cluster", "prod");
        args.put("blueService", "web-blue");
        args.put("blueTargetGroup", "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-blue/1");
        args.put("greenService", "web-green");
        args.put("greenTargetGroup", "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-green/2");
        args.put("images", Map.of("app", "repo/app:1.4"));
        // The path Pipeline takes for a descriptor that does not override StepDescriptor.newInstance(Map).
        BlueGreenDeployStep step = DescribableModel.of(BlueGreenDeployStep.class).instantiate(args, TaskListener.NULL);
        assertEquals(List.of("app=repo/app:1.4"), step.getImages());
        List<Problem> problems = new ArrayList<>();
        assertEquals(Map.of("app", "repo/app:1.4"), step.imageMap(problems));
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void oneImageStandsForTheOnlyContainer(JenkinsRule j) {
        BlueGreenDeployStep step = new BlueGreenDeployStep("prod", "a", "tg-a", "b", "tg-b");
        step.setImage("repo/app:2");
        List<Problem> problems = new ArrayList<>();
        assertEquals(Map.of("", "repo/app:2"), step.imageMap(problems));
        step.setImages(List.of("app"));
        step.imageMap(problems);
        assertEquals(List.of("images", "image"), problems.stream().map(Problem::parameter).toList());
    }

    @Test
    void forceReachesTheDeployment(JenkinsRule j) {
        BlueGreenDeployStep step = new BlueGreenDeployStep("prod", "web-blue",
                "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-blue/1", "web-green",
                "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-green/2");
        step.setListenerArn(LISTENER);
        step.setImage("repo/app:2");
        assertTrue(!((BlueGreenCheckpoint) step.startCheckpoint("eu-west-1", null)).spec().force());
        step.setForce(true);
        assertTrue(((BlueGreenCheckpoint) step.startCheckpoint("eu-west-1", null)).spec().force());
    }

    @Test
    void eventLinesLinkTheDeploymentsResources(JenkinsRule j) {
        CanaryShiftStep step = new CanaryShiftStep(
                "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-blue/0123456789abcdef",
                "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-green/fedcba9876543210");
        step.setListenerArn(LISTENER);
        step.setPreset("AllAtOnce");
        step.setAlarms(List.of("web-5xx"));
        ConsoleLinks links = ConsoleLinks.of(step.startCheckpoint("eu-west-1", null), "eu-west-1", false);
        String plain = "alarm web-5xx is ALARM; forwards web-blue=100, web-green=0";
        assertNotEquals(plain, links.annotate(plain));
        String unrelated = "the webhook web-5xxx fired";
        assertEquals(unrelated, links.annotate(unrelated));
        assertTrue(!links.resourceLine().isEmpty());
        assertEquals("", ConsoleLinks.of(step.startCheckpoint("eu-west-1", null), "eu-west-1", true).resourceLine());
    }
}
