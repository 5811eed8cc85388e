package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Split;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A router's preflight: what stops the deployment before any change, and the split it found (empty when
 * none could be read or it is not a split between the two sides).
 *
 * @param checked what was checked, for the preflight event: {@code the listener web/c5d9, both target groups}
 * @param cached  how long clients may keep the old answer after a change (a DNS record's TTL); null where a change
 *                reaches every client at once
 * @param settled the spec with what the preflight found that the later calls need (a Lambda alias's stable
 *                version), for the checkpoint to keep; empty when the user's spec says everything
 */
public record Inspection(List<Problem> problems, Optional<Split> current, String checked, Duration cached,
                         Optional<RouterSpec> settled) {

    public Inspection {
        problems = List.copyOf(problems);
    }

    public Inspection(List<Problem> problems, Optional<Split> current, String checked) {
        this(problems, current, checked, null, Optional.empty());
    }

    public Inspection(List<Problem> problems, Optional<Split> current, String checked, Duration cached) {
        this(problems, current, checked, cached, Optional.empty());
    }

    public Inspection(List<Problem> problems, Optional<Split> current, String checked, Optional<RouterSpec> settled) {
        this(problems, current, checked, null, settled);
    }
}
