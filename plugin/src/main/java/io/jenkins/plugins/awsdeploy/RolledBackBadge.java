package io.jenkins.plugins.awsdeploy;

import hudson.model.BuildBadgeAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The badge next to a build in the build history when one of its deployments put traffic back on the stable side.
 * One badge per build; its tooltip names every deployment that rolled back and why.
 */
public final class RolledBackBadge implements BuildBadgeAction {

    /** An ArrayList: XStream writes it into build.xml (the JDK's immutable lists do not serialize there). */
    private final ArrayList<String> reasons;

    public RolledBackBadge(List<String> reasons) {
        this.reasons = new ArrayList<>(reasons);
    }

    /** This badge with one more reason. */
    RolledBackBadge plus(String reason) {
        List<String> all = new ArrayList<>(reasons == null ? List.of() : reasons);
        all.add(reason);
        return new RolledBackBadge(all);
    }

    public List<String> getReasons() {
        return reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The tooltip: "Rolled back: canaryShift on listener web/80: alarm 5xx is ALARM (...)". */
    public String getTooltip() {
        return "Rolled back: " + String.join("; ", getReasons());
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
