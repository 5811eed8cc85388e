package io.jenkins.plugins.awsdeploy.engine.canary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisSpec;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import io.jenkins.plugins.awsdeploy.engine.routing.AlbForward;
import io.jenkins.plugins.awsdeploy.engine.routing.RouterSpec;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * A validated canary: which router carries the traffic, the plan and the alarms that guard it.
 * Build one from user input with {@link CanaryRequest}.
 *
 * @param approvalTimeout how long an approval may wait before the deployment rolls back; null waits forever
 * @param analysis        how the new side is judged against the stable one from CloudWatch metrics; null for no analysis
 */
public record CanarySpec(RouterSpec router, CanaryPlan plan, List<String> alarms, Duration poll, Duration approvalTimeout,
                         AnalysisSpec analysis) implements Serializable {

    public CanarySpec {
        if (router == null) throw new IllegalArgumentException("a canary needs a router");
        alarms = List.copyOf(alarms);
    }

    /** A canary guarded by its alarms alone. */
    public CanarySpec(RouterSpec router, CanaryPlan plan, List<String> alarms, Duration poll, Duration approvalTimeout) {
        this(router, plan, alarms, poll, approvalTimeout, null);
    }

    /** The same canary judged by {@code next}; null for none. */
    public CanarySpec withAnalysis(AnalysisSpec next) {
        return new CanarySpec(router, plan, alarms, poll, approvalTimeout, next);
    }

    /** The same canary on {@code r}: the router's spec once the preflight found what it needs. */
    public CanarySpec withRouter(RouterSpec r) {
        return new CanarySpec(r, plan, alarms, poll, approvalTimeout, analysis);
    }

    /** What the user asked for, without what a preflight found: what makes two runs the same deployment. */
    public CanarySpec asRequested() {
        return withRouter(router.asRequested());
    }

    /**
     * Reads a stored spec of any version. Until round 2 a spec named the ALB forward action ({@code target})
     * and the two target groups itself; state files and Jenkins program state written then still resume,
     * as the same listener or rule router.
     */
    @JsonCreator
    static CanarySpec fromJson(@JsonProperty("router") RouterSpec router, @JsonProperty("target") TrafficTarget target,
                               @JsonProperty("stableTargetGroup") String stableTargetGroup,
                               @JsonProperty("canaryTargetGroup") String canaryTargetGroup,
                               @JsonProperty("plan") CanaryPlan plan, @JsonProperty("alarms") List<String> alarms,
                               @JsonProperty("poll") Duration poll, @JsonProperty("approvalTimeout") Duration approvalTimeout,
                               @JsonProperty("analysis") AnalysisSpec analysis) {
        RouterSpec r = router;
        if (r == null && target != null) {
            r = AlbForward.at(target, stableTargetGroup, canaryTargetGroup);
        }
        return new CanarySpec(r, plan, alarms == null ? List.of() : alarms, poll, approvalTimeout, analysis);
    }
}
