package io.jenkins.plugins.awsdeploy.engine;

import java.io.Serializable;

/**
 * How production traffic is divided between the stable side and the new side, in percent.
 * ALB weights are relative numbers; the engine always writes percentages so that what it reads back
 * can be compared exactly with what it wrote.
 */
public record Split(int stable, int canary) implements Serializable {

    public static final Split ALL_STABLE = new Split(100, 0);

    public Split {
        if (stable < 0 || canary < 0 || stable + canary != 100) {
            throw new IllegalArgumentException("a split must be two percentages adding up to 100, not " + stable + "/" + canary);
        }
    }

    /** The split that puts {@code percent} of traffic on the new side. */
    public static Split canaryAt(int percent) {
        return new Split(100 - percent, percent);
    }

    @Override
    public String toString() {
        return stable + "/" + canary;
    }
}
