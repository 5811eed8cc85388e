package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import java.util.Locale;

/** One of the two environments. Which one is live is read from the listener, never assumed. */
public enum Colour {
    BLUE,
    GREEN;

    public Colour other() {
        return this == BLUE ? GREEN : BLUE;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
