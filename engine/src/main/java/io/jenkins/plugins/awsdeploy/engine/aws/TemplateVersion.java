package io.jenkins.plugins.awsdeploy.engine.aws;

/**
 * One version of a launch template: what an Auto Scaling group side runs, written {@code lt-0abc…:7} as a revision.
 *
 * @param imageId the AMI it launches; null when the version names none
 */
public record TemplateVersion(String templateId, String templateName, long version, String imageId) {

    /** {@code lt-0123456789abcdef0:7}: the form a blue/green checkpoint keeps as the revision of a group. */
    public String revision() {
        return revision(templateId, version);
    }

    public static String revision(String templateId, long version) {
        return templateId + ":" + version;
    }
}
