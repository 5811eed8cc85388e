// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/slaves/ComputerLauncher.java (type only: Slave's constructor)
package hudson.slaves;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

public abstract class ComputerLauncher extends AbstractDescribableImpl<ComputerLauncher> implements ExtensionPoint {
}
