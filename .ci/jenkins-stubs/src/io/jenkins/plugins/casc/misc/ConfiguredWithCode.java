// Stand-in for: jenkinsci/configuration-as-code-plugin test-harness/src/main/java/io/jenkins/plugins/casc/misc/ConfiguredWithCode.java
// Omitted element: Class<? extends Throwable> expected() default org.junit.Test.None.class (it needs JUnit 4 on the
// type-check classpath); value() and message() are as in the real annotation.
package io.jenkins.plugins.casc.misc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ConfiguredWithCode {
    String[] value();

    String message() default "";
}
