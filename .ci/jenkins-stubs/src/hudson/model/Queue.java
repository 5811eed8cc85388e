// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Queue.java
// Only the nested Executable interface (real one also extends WithConsoleUrl and has more members).
package hudson.model;

public class Queue {
    private Queue() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public interface Executable extends Runnable {
    }
}
