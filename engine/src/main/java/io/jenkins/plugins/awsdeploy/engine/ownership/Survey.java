package io.jenkins.plugins.awsdeploy.engine.ownership;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the ownership markers on a deployment's resources said at its preflight.
 *
 * @param problems one per resource another deployment holds (or whose marker could not be read)
 * @param expired  markers of other deployments whose lease ran out: this deployment takes them over
 * @param ours     resources that already carry this deployment's own marker
 */
public record Survey(List<Problem> problems, List<Lease> expired, Set<String> ours) {

    public Survey {
        problems = List.copyOf(problems);
        expired = List.copyOf(expired);
        ours = Set.copyOf(ours);
    }

    /** For the preflight's event: empty, or which expired leases are taken over. */
    public String takeover() {
        if (expired.isEmpty()) return "";
        return "; took over the expired lease of " + expired.stream().map(Lease::describe).distinct()
                .collect(Collectors.joining(", "));
    }
}
