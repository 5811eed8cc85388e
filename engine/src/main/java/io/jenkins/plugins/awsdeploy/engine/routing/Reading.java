package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.Split;
import java.util.Optional;

/**
 * What a router found: the split, when what AWS holds is exactly a split between the two sides in whole
 * percent, and how AWS shows it in the router's own units, for messages.
 *
 * @param shown  for example {@code web-blue=90, web-green=10}
 * @param change the id of the change a write submitted that AWS still propagates (a Route 53 change batch), for
 *               {@link TrafficRouter#inSync}; null where a write takes effect once accepted, or nothing was written
 */
public record Reading(Optional<Split> split, String shown, String change) {

    public Reading(Optional<Split> split, String shown) {
        this(split, shown, null);
    }

    public boolean is(Split s) {
        return split.isPresent() && split.get().equals(s);
    }

    @Override
    public String toString() {
        return shown;
    }
}
