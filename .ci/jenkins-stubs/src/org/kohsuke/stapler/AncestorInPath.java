// Stand-in for: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/AncestorInPath.java
// Omitted: meta-annotation @InjectedParameter(HandlerImpl.class) and the nested HandlerImpl (runtime machinery).
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface AncestorInPath {}
