// Stand-in for: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/interceptor/RequirePOST.java
// Omitted: meta-annotation @InterceptorAnnotation(RequirePOST.Processor.class) and the nested Processor.
package org.kohsuke.stapler.interceptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface RequirePOST {}
