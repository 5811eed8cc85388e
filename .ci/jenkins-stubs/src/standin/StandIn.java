// Not a Jenkins type: the value of every constant in the stand-ins (Permission.READ, Jenkins.ADMINISTER,
// Computer.threadPoolForRemoting, TaskListener.NULL, ...). A plain "= null" would let SpotBugs (.ci/typecheck-plugin)
// take the real, non-null constants for null and report false null dereferences; a method result is simply unknown.
package standin;

public final class StandIn {
    private StandIn() {
    }

    public static <T> T value() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
