// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/Extension.java
// Omitted: meta-annotation @Indexable (SezPoz; it drives the annotation processor, which typecheck runs with -proc:none)
// and the element YesNoMaybe dynamicLoadable() default MAYBE (needs jenkins.YesNoMaybe). Retention is RUNTIME as in core.
package hudson;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@Documented
public @interface Extension {
    double ordinal() default 0;

    boolean optional() default false;
}
