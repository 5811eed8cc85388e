// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Job.java
// Only the build accessors listed here. Item.BUILD / Item.CANCEL are reachable as Job.BUILD / Job.CANCEL.
package hudson.model;

import hudson.ExtensionPoint;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem implements ExtensionPoint {
    protected Job(ItemGroup parent, String name) {
        super(parent, name);
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public RunT getLastCompletedBuild() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
