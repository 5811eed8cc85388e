// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Slave.java (type only, for JenkinsRule agents)
package hudson.model;

import java.io.Serializable;

public abstract class Slave extends Node implements Serializable {
}
