package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parameters that choose Auto Scaling groups instead of ECS services, as a user gave them, checked without
 * reading AWS: the two group names, and the image or launch template version to deploy.
 */
record GroupParameters(String blueGroup, String greenGroup, String imageId, String launchTemplateVersion) {

    /** Auto Scaling group names: 1 to 255 characters, no control characters, and no colon (that would be an ARN). */
    private static final Pattern GROUP_NAME = Pattern.compile("[^:\\p{Cntrl}]{1,255}");
    /** AMI ids as EC2 issues them: {@code ami-} and 8 or 17 hexadecimal digits. */
    private static final Pattern AMI = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

    void check(List<String> ecsParameters, List<Problem> problems) {
        if (!ecsParameters.isEmpty()) {
            problems.add(new Problem(ecsParameters.get(0), "is a parameter of ECS services, but Auto Scaling groups were chosen "
                    + "(blueAutoScalingGroup, greenAutoScalingGroup, imageId, launchTemplateVersion); the two kinds are mutually "
                    + "exclusive: drop " + String.join(", ", ecsParameters) + ", or the Auto Scaling parameters"));
        }
        checkName("blueAutoScalingGroup", blueGroup, problems);
        checkName("greenAutoScalingGroup", greenGroup, problems);
        if (present(blueGroup) && present(greenGroup) && blueGroup.trim().equals(greenGroup.trim())) {
            problems.add(new Problem("greenAutoScalingGroup", "is the same group as blueAutoScalingGroup; blue/green needs two groups"));
        }
        boolean byImage = present(imageId);
        boolean byVersion = present(launchTemplateVersion);
        if (byImage == byVersion) {
            problems.add(new Problem("imageId", "give either a new AMI (imageId, like ami-0123456789abcdef0) or an existing "
                    + "launchTemplateVersion of the live group's launch template, exactly one"));
        } else if (byImage && !AMI.matcher(imageId.trim()).matches()) {
            problems.add(new Problem("imageId", "'" + imageId + "' is not an AMI id (ami- and 8 or 17 hexadecimal digits, "
                    + "like ami-0123456789abcdef0)"));
        } else if (byVersion && !VERSION.matcher(launchTemplateVersion.trim()).matches()) {
            problems.add(new Problem("launchTemplateVersion", "'" + launchTemplateVersion + "' is not a version number (1, 2, ...); "
                    + "$Latest and $Default are refused because they change whenever the template does"));
        }
    }

    private static void checkName(String parameter, String name, List<Problem> problems) {
        if (!present(name)) {
            problems.add(new Problem(parameter, "is required: the name of the Auto Scaling group"));
        } else if (name.trim().startsWith("arn:")) {
            problems.add(new Problem(parameter, "give the group's name, not its ARN ('" + name.trim() + "')"));
        } else if (!GROUP_NAME.matcher(name.trim()).matches()) {
            problems.add(new Problem(parameter, "'" + name + "' is not an Auto Scaling group name (up to 255 characters, no colon)"));
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
