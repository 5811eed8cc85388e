package io.jenkins.plugins.awsdeploy.engine.bluegreen;

/**
 * A task definition as ECS names it in different places: an ARN on AWS, {@code family:revision} where a
 * user typed it (moto even stores it that way). Both name the same revision.
 */
record TaskDefinitionRef(String text) {

    private static final String MARK = ":task-definition/";

    static TaskDefinitionRef of(String text) {
        return new TaskDefinitionRef(text == null ? "" : text.trim());
    }

    /** {@code web:9}. */
    String shortName() {
        int at = text.indexOf(MARK);
        return at < 0 ? text : text.substring(at + MARK.length());
    }

    boolean sameRevision(String other) {
        return other != null && shortName().equals(of(other).shortName());
    }

    @Override
    public String toString() {
        return shortName();
    }
}
