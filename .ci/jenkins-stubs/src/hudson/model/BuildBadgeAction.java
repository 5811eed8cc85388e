// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/BuildBadgeAction.java
package hudson.model;

public interface BuildBadgeAction extends Action {
}
