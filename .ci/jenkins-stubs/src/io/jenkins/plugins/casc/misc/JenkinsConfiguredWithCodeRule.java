// Stand-in for: jenkinsci/configuration-as-code-plugin test-harness/src/main/java/io/jenkins/plugins/casc/misc/JenkinsConfiguredWithCodeRule.java
// Omitted: before() (JUnit 4 rule lifecycle; the JUnit 5 extension calls it).
package io.jenkins.plugins.casc.misc;

public class JenkinsConfiguredWithCodeRule extends JenkinsConfiguredRule {
}
