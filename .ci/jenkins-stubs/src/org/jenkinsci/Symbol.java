// Stand-in for: jenkinsci/lib-symbol-annotation src/main/java/org/jenkinsci/Symbol.java
// (also in jenkinsci/structs-plugin annotation/). Omitted: meta-annotation @Indexed (annotation-indexer).
package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
