package io.jenkins.plugins.awsdeploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Job;
import hudson.security.SecurityRealm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jenkins.model.IdStrategy;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may answer an approval gate. With an approvers list (user ids or group names, like the {@code submitter} of the
 * {@code input} step) only those users, members of those groups and administrators may approve; without one, anyone
 * with Job/Build on the job. Rolling back is also open to anyone with Job/Cancel, who could stop the build anyway.
 * Names are compared with the security realm's id strategies, so a case-insensitive realm matches "Alice" to "alice".
 */
public final class Approvers {

    private Approvers() {
    }

    /** Splits a comma-separated list ({@code "alice, release-managers"}) into trimmed, non-empty names. */
    public static List<String> parse(@CheckForNull String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) return List.of();
        List<String> names = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            String name = part.trim();
            if (!name.isEmpty() && !names.contains(name)) names.add(name);
        }
        return Collections.unmodifiableList(names);
    }

    /** May {@code who} let the deployment go on? */
    public static boolean mayProceed(Job<?, ?> job, @CheckForNull List<String> approvers, Authentication who) {
        Jenkins jenkins = Jenkins.get();
        if (approvers == null || approvers.isEmpty()) {
            return !jenkins.isUseSecurity() || job.getACL().hasPermission2(who, Item.BUILD);
        }
        if (!jenkins.isUseSecurity() || jenkins.getACL().hasPermission2(who, Jenkins.ADMINISTER)) {
            return true;
        }
        return isNamedIn(approvers, who, jenkins.getSecurityRealm());
    }

    /** May {@code who} decline, which rolls the deployment back? Approvers may, and so may whoever can cancel the build. */
    public static boolean mayRollBack(Job<?, ?> job, @CheckForNull List<String> approvers, Authentication who) {
        return mayProceed(job, approvers, who) || job.getACL().hasPermission2(who, Item.CANCEL);
    }

    /** Is the user, or one of the groups the user belongs to, in {@code approvers}? */
    static boolean isNamedIn(List<String> approvers, Authentication who, SecurityRealm realm) {
        IdStrategy users = realm.getUserIdStrategy();
        IdStrategy groups = realm.getGroupIdStrategy();
        String name = who.getName();
        for (String approver : approvers) {
            if (name != null && users.equals(name, approver)) return true;
        }
        for (GrantedAuthority authority : who.getAuthorities()) {
            String group = authority.getAuthority();
            if (group == null) continue;
            for (String approver : approvers) {
                if (groups.equals(group, approver)) return true;
            }
        }
        return false;
    }

    /** What a refused user lacks, for the error page. */
    public static String requirement(@CheckForNull List<String> approvers, boolean rollBack) {
        String base = approvers == null || approvers.isEmpty()
                ? "this needs Job/Build permission"
                : "only " + String.join(", ", approvers) + " (users or groups) or an administrator may answer";
        return rollBack ? base + "; rolling back is also allowed with Job/Cancel permission" : base;
    }

    /** For messages: {@code "alice or release-managers"}, or the permission that applies without a list. */
    public static String describe(@CheckForNull List<String> approvers) {
        if (approvers == null || approvers.isEmpty()) return "anyone with Job/Build permission";
        return String.join(" or ", approvers);
    }
}
