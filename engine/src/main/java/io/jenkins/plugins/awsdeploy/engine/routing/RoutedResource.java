package io.jenkins.plugins.awsdeploy.engine.routing;

/**
 * A resource a router reads or changes, as the shells list it and link it to its console page.
 *
 * @param label what it is to this deployment: {@code listener}, {@code stable target group web-blue}
 */
public record RoutedResource(String label, String arn) {
}
