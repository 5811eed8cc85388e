package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.Split;
import java.util.Optional;

/**
 * What a router found: the split, when what AWS holds is exactly a split between the two sides in whole
 * percent, and how AWS shows it in the router's own units, for messages.
 *
 * @param shown for example {@code web-blue=90, web-green=10}
 */
public record Reading(Optional<Split> split, String shown) {

    public boolean is(Split s) {
        return split.isPresent() && split.get().equals(s);
    }

    @Override
    public String toString() {
        return shown;
    }
}
