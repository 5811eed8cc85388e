package io.jenkins.plugins.awsdeploy.engine.analysis;

/** The judgement of one interval. */
public enum Verdict {
    PASS,
    FAIL,
    /** Too few requests on a side to say anything. */
    INCONCLUSIVE;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
