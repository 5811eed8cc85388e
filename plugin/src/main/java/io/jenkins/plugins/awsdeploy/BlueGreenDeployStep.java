package io.jenkins.plugins.awsdeploy;

import hudson.Extension;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code blueGreenDeploy}: deploys a new revision to the idle one of two ECS services (or EC2 Auto Scaling groups)
 * behind the same load balancer,
 * waits until it is healthy, then switches the listener's traffic to it (in steps if asked, alarms watched), and keeps
 * the old side running for {@code scaleDownAfter} before scaling it to zero. The parameters are those of
 * {@code aws-deploy blue-green}, in camelCase.
 */
public final class BlueGreenDeployStep extends AwsDeploymentStep {

    private final String cluster;
    private final String blueService;
    private final String blueTargetGroup;
    private final String greenService;
    private final String greenTargetGroup;
    private String listenerArn;
    private String ruleArn;
    private List<String> images;
    private String image;
    private String taskDefinition;
    private List<Integer> steps;
    private String bake;
    private List<String> alarms;
    private String approveBefore;
    private String healthTimeout;
    private String scaleDownAfter;
    private boolean scaleDownFailed;
    private String poll;
    private CanaryAnalysis analysis;
    private String testListenerArn;
    private String testRuleArn;
    private String approvalTimeout;
    private boolean force;
    private String blueAutoScalingGroup;
    private String greenAutoScalingGroup;
    private String imageId;
    private String launchTemplateVersion;

    @DataBoundConstructor
    public BlueGreenDeployStep(String cluster, String blueService, String blueTargetGroup, String greenService,
                               String greenTargetGroup) {
        this.cluster = trimmed(cluster);
        this.blueService = trimmed(blueService);
        this.blueTargetGroup = trimmed(blueTargetGroup);
        this.greenService = trimmed(greenService);
        this.greenTargetGroup = trimmed(greenTargetGroup);
    }

    public String getCluster() {
        return cluster;
    }

    public String getBlueService() {
        return blueService;
    }

    public String getBlueTargetGroup() {
        return blueTargetGroup;
    }

    public String getGreenService() {
        return greenService;
    }

    public String getGreenTargetGroup() {
        return greenTargetGroup;
    }

    public String getListenerArn() {
        return listenerArn;
    }

    @DataBoundSetter
    public void setListenerArn(String listenerArn) {
        this.listenerArn = trimmed(listenerArn);
    }

    public String getRuleArn() {
        return ruleArn;
    }

    @DataBoundSetter
    public void setRuleArn(String ruleArn) {
        this.ruleArn = trimmed(ruleArn);
    }

    /** {@code container=image} entries; a script may also pass a map, {@code images: [app: 'repo:tag']}. */
    public List<String> getImages() {
        return images;
    }

    @DataBoundSetter
    public void setImages(List<String> images) {
        this.images = listOrNull(images);
    }

    public String getImage() {
        return image;
    }

    /** The new image of the one container of a single-container task definition. */
    @DataBoundSetter
    public void setImage(String image) {
        this.image = trimmed(image);
    }

    public String getTaskDefinition() {
        return taskDefinition;
    }

    @DataBoundSetter
    public void setTaskDefinition(String taskDefinition) {
        this.taskDefinition = trimmed(taskDefinition);
    }

    public List<Integer> getSteps() {
        return steps;
    }

    @DataBoundSetter
    public void setSteps(List<Integer> steps) {
        this.steps = listOrNull(steps);
    }

    public String getBake() {
        return bake;
    }

    @DataBoundSetter
    public void setBake(String bake) {
        this.bake = trimmed(bake);
    }

    public List<String> getAlarms() {
        return alarms;
    }

    @DataBoundSetter
    public void setAlarms(List<String> alarms) {
        this.alarms = listOrNull(alarms);
    }

    public String getApproveBefore() {
        return approveBefore;
    }

    /** {@code switch}: wait for a person before any production traffic moves. */
    @DataBoundSetter
    public void setApproveBefore(String approveBefore) {
        this.approveBefore = trimmed(approveBefore);
    }

    public String getHealthTimeout() {
        return healthTimeout;
    }

    @DataBoundSetter
    public void setHealthTimeout(String healthTimeout) {
        this.healthTimeout = trimmed(healthTimeout);
    }

    public String getScaleDownAfter() {
        return scaleDownAfter;
    }

    @DataBoundSetter
    public void setScaleDownAfter(String scaleDownAfter) {
        this.scaleDownAfter = trimmed(scaleDownAfter);
    }

    public boolean isScaleDownFailed() {
        return scaleDownFailed;
    }

    @DataBoundSetter
    public void setScaleDownFailed(boolean scaleDownFailed) {
        this.scaleDownFailed = scaleDownFailed;
    }

    public CanaryAnalysis getAnalysis() {
        return analysis;
    }

    /** While switching in steps, judge the new side against the live one: {@code analysis: [errorRate: 1.0, ...]}. */
    @DataBoundSetter
    public void setAnalysis(CanaryAnalysis analysis) {
        this.analysis = analysis;
    }

    public String getPoll() {
        return poll;
    }

    @DataBoundSetter
    public void setPoll(String poll) {
        this.poll = trimmed(poll);
    }

    public String getTestListenerArn() {
        return testListenerArn;
    }

    @DataBoundSetter
    public void setTestListenerArn(String testListenerArn) {
        this.testListenerArn = trimmed(testListenerArn);
    }

    public String getTestRuleArn() {
        return testRuleArn;
    }

    @DataBoundSetter
    public void setTestRuleArn(String testRuleArn) {
        this.testRuleArn = trimmed(testRuleArn);
    }

    public String getApprovalTimeout() {
        return approvalTimeout;
    }

    @DataBoundSetter
    public void setApprovalTimeout(String approvalTimeout) {
        this.approvalTimeout = trimmed(approvalTimeout);
    }

    public boolean isForce() {
        return force;
    }

    /** Deploy even a revision identical to the one the live side runs. */
    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    public String getBlueAutoScalingGroup() {
        return blueAutoScalingGroup;
    }

    /** Instead of ECS services (cluster, blueService, greenService left out): one of two Auto Scaling groups. */
    @DataBoundSetter
    public void setBlueAutoScalingGroup(String blueAutoScalingGroup) {
        this.blueAutoScalingGroup = trimmed(blueAutoScalingGroup);
    }

    public String getGreenAutoScalingGroup() {
        return greenAutoScalingGroup;
    }

    @DataBoundSetter
    public void setGreenAutoScalingGroup(String greenAutoScalingGroup) {
        this.greenAutoScalingGroup = trimmed(greenAutoScalingGroup);
    }

    public String getImageId() {
        return imageId;
    }

    /** The AMI of a new version of the live group's launch template. */
    @DataBoundSetter
    public void setImageId(String imageId) {
        this.imageId = trimmed(imageId);
    }

    public String getLaunchTemplateVersion() {
        return launchTemplateVersion;
    }

    /** Or: an existing version of the live group's launch template. */
    @DataBoundSetter
    public void setLaunchTemplateVersion(String launchTemplateVersion) {
        this.launchTemplateVersion = trimmed(launchTemplateVersion);
    }

    @Override
    String poll() {
        return poll;
    }

    @Override
    String target() {
        if (blueAutoScalingGroup != null || greenAutoScalingGroup != null) {
            return "Auto Scaling groups " + blueAutoScalingGroup + "/" + greenAutoScalingGroup;
        }
        return "services " + AwsArn.shortName(String.valueOf(blueService)) + "/"
                + AwsArn.shortName(String.valueOf(greenService)) + " in cluster "
                + AwsArn.shortName(String.valueOf(cluster));
    }

    @Override
    Checkpoint startCheckpoint(String region, String pollOrDefault) {
        List<Problem> problems = new ArrayList<>();
        BlueGreenRequest request = new BlueGreenRequest()
                .cluster(cluster)
                .blueService(blueService)
                .blueTargetGroup(blueTargetGroup)
                .greenService(greenService)
                .greenTargetGroup(greenTargetGroup)
                .listenerArn(listenerArn)
                .ruleArn(ruleArn)
                .images(imageMap(problems))
                .taskDefinition(taskDefinition)
                .steps(steps)
                .bake(bake)
                .alarms(alarms)
                .approveBefore(approveBefore)
                .scaleDownFailed(scaleDownFailed)
                .testListenerArn(testListenerArn)
                .testRuleArn(testRuleArn)
                .approvalTimeout(approvalTimeout)
                .force(force)
                .blueAutoScalingGroup(blueAutoScalingGroup)
                .greenAutoScalingGroup(greenAutoScalingGroup)
                .imageId(imageId)
                .launchTemplateVersion(launchTemplateVersion)
                .analysis(CanaryAnalysis.requestOf(analysis))
                .region(region);
        // The request has its own defaults for these; a null would replace them.
        if (healthTimeout != null) request.healthTimeout(healthTimeout);
        if (scaleDownAfter != null) request.scaleDownAfter(scaleDownAfter);
        if (pollOrDefault != null) request.poll(pollOrDefault);
        try {
            BlueGreenCheckpoint start = BlueGreenCheckpoint.start(request.toSpec());
            if (problems.isEmpty()) return start;
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        throw new InvalidInputException(problems);
    }

    /** {@code images} and {@code image} as the engine takes them: container name to image, "" for the only one. */
    Map<String, String> imageMap(List<Problem> problems) {
        Map<String, String> map = new LinkedHashMap<>();
        if (images != null) {
            for (String entry : images) {
                int eq = entry.indexOf('=');
                if (eq <= 0 || eq == entry.length() - 1) {
                    problems.add(new Problem("images", "'" + entry + "' is not container=image; write images: [app: 'repo:tag']"));
                } else if (map.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim()) != null) {
                    // Keeping the last one silently would deploy an image nobody can tell was meant.
                    problems.add(new Problem("images", "container " + entry.substring(0, eq).trim() + " is given twice"));
                }
            }
        }
        if (image != null) {
            if (images != null) {
                problems.add(new Problem("image", "give either image (one container) or images, not both"));
            } else {
                map.put("", image);
            }
        }
        return map;
    }

    @Extension
    public static final class DescriptorImpl extends DeploymentStepDescriptor implements CustomDescribableModel {

        @Override
        public String getFunctionName() {
            return "blueGreenDeploy";
        }

        @Override
        public String getDisplayName() {
            return "Blue/green deployment of an ECS service behind an ALB";
        }

        @Override
        ListFields listFields() {
            return ListFields.integers("steps").strings("alarms", "images");
        }

        /**
         * Lets a script write {@code images: [app: 'repo:tag']}: the map becomes the list of container=image. Through
         * structs (not an override of the deprecated {@code newInstance(Map)}) so that its warnings about unknown
         * parameters still reach the build log.
         */
        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            Object given = arguments.get("images");
            if (!(given instanceof Map<?, ?> map)) return arguments;
            Map<String, Object> copy = new LinkedHashMap<>(arguments);
            List<String> entries = new ArrayList<>();
            map.forEach((container, image) -> entries.add(container + "=" + image));
            copy.put("images", entries);
            return copy;
        }
    }
}
