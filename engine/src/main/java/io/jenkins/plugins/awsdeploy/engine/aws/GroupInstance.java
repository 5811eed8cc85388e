package io.jenkins.plugins.awsdeploy.engine.aws;

/**
 * One instance of an Auto Scaling group as the group reports it.
 *
 * @param lifecycle       {@code Pending}, {@code InService}, {@code Terminating}, ...
 * @param health          {@code Healthy} or {@code Unhealthy}, the group's own health check
 * @param templateVersion the launch template version it was launched from; null when the group does not say
 */
public record GroupInstance(String id, String lifecycle, String health, String templateVersion) {

    public boolean inService() {
        return "InService".equals(lifecycle) && "Healthy".equalsIgnoreCase(health);
    }
}
