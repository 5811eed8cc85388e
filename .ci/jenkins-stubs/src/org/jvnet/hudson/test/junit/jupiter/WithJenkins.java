// Stand-in for: jenkinsci/jenkins-test-harness src/main/java/org/jvnet/hudson/test/junit/jupiter/WithJenkins.java
// Omitted: meta-annotation @ExtendWith(JenkinsExtension.class) (runtime wiring; stand-ins never run).
package org.jvnet.hudson.test.junit.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WithJenkins {}
