package io.jenkins.plugins.awsdeploy.engine.aws;

import java.io.Serializable;

/** An Auto Scaling group's size: the bounds and the number of instances it wants. */
public record Capacity(int min, int desired, int max) implements Serializable {

    public static final Capacity NONE = new Capacity(0, 0, 0);

    /** {@code min 2, desired 3, max 6}. */
    @Override
    public String toString() {
        return "min " + min + ", desired " + desired + ", max " + max;
    }
}
