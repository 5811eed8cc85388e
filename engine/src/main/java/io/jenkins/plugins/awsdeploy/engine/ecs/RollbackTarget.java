package io.jenkins.plugins.awsdeploy.engine.ecs;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsPort;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionInfo;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The preflight's two questions about an ECS rollback: can this service be rolled back by UpdateService at all, and
 * to which revision (as asked, the known-good tag, or the highest ACTIVE revision below the current one).
 */
final class RollbackTarget {

    /** How many other ACTIVE revisions a problem about an unusable one suggests. */
    private static final int SUGGESTED_REVISIONS = 3;

    private final EcsPort ecs;

    RollbackTarget(EcsPort ecs) {
        this.ecs = ecs;
    }

    static void checkService(EcsService svc, List<Problem> problems) {
        if (!"ACTIVE".equals(svc.status())) {
            problems.add(new Problem("service", "is " + svc.status() + " (being deleted) and cannot be updated"));
        }
        String controller = svc.deploymentController();
        if ("CODE_DEPLOY".equals(controller)) {
            problems.add(new Problem("service", "is deployed by AWS CodeDeploy (deployment controller CODE_DEPLOY): ECS "
                    + "refuses to change its task definition with UpdateService. Roll back in CodeDeploy instead: stop the "
                    + "running deployment with rollback, or deploy the known-good revision through CodeDeploy"));
        } else if ("EXTERNAL".equals(controller)) {
            problems.add(new Problem("service", "uses the EXTERNAL deployment controller: its tasks belong to task sets "
                    + "that another tool manages, and UpdateService cannot change its task definition. Roll back with "
                    + "that tool (make the task set of the known-good revision primary)"));
        } else if (!"ECS".equals(controller)) {
            problems.add(new Problem("service", "uses the deployment controller " + controller + ", which this rollback "
                    + "does not know how to drive"));
        } else if (TaskDefinitionRef.parse(svc.taskDefinition()).isEmpty()) {
            problems.add(new Problem("service", "reports the task definition '" + svc.taskDefinition()
                    + "', which is not a revision"));
        }
    }

    /** The target and why: as asked, else the known-good tag, else the highest ACTIVE revision below the current one. */
    Optional<RollbackChoice> choose(RollbackSpec spec, EcsService svc, TaskDefinitionRef current,
                                            List<Problem> problems) {
        if (spec.toRevision() != null) {
            return usable(spec, spec.toRevision(), "the revision asked for", current, problems);
        }
        Optional<String> tag = KnownGoodTag.on(svc);
        if (tag.isPresent()) {
            if (TaskDefinitionRef.parse(tag.get()).isEmpty()) {
                problems.add(new Problem("toRevision", "none given, and the service's tag " + KnownGoodTag.KEY + " holds '"
                        + tag.get() + "', which is not a task definition revision; give the revision to roll back to"));
                return Optional.empty();
            }
            return usable(spec, tag.get(), "the last known-good revision, recorded on the service by blue/green (tag "
                    + KnownGoodTag.KEY + ")", current, problems);
        }
        Optional<TaskDefinitionRef> below = below(current);
        if (below.isEmpty()) {
            problems.add(new Problem("toRevision", "none given, the service has no " + KnownGoodTag.KEY
                    + " tag, and no ACTIVE revision of " + current.family() + " below the current " + current
                    + " exists; give the revision to roll back to"));
            return Optional.empty();
        }
        TaskDefinitionRef target = below.get();
        String gap = target.revision() == current.revision() - 1 ? ""
                : "; " + current.family() + ":" + (target.revision() + 1)
                + (target.revision() + 1 == current.revision() - 1 ? " is" : " to " + (current.revision() - 1) + " are")
                + " not ACTIVE";
        return usable(spec, target.toString(), "the highest ACTIVE revision of " + current.family() + " below the current "
                + current + ", as the service has no known-good tag" + gap, current, problems);
    }

    /** The revision if it exists and ECS may start tasks from it; otherwise a problem that says what to do. */
    private Optional<RollbackChoice> usable(RollbackSpec spec, String revision, String why, TaskDefinitionRef current,
                                            List<Problem> problems) {
        Optional<TaskDefinitionInfo> info = ecs.taskDefinition(revision);
        if (info.isEmpty()) {
            problems.add(new Problem("toRevision", "no task definition " + revision + " exists in this account and region ("
                    + why + ")"));
            return Optional.empty();
        }
        TaskDefinitionInfo td = info.get();
        if (!"ACTIVE".equals(td.status())) {
            problems.add(new Problem("toRevision", td.familyRevision() + " (" + why + ") was deregistered (status "
                    + td.status() + "): ECS starts no new tasks from it. Register its definition again and roll back to "
                    + "the new revision, or choose an ACTIVE one" + suggestions(td.family(), current)));
            return Optional.empty();
        }
        boolean asked = spec.toRevision() != null && revision.equals(spec.toRevision());
        if (asked && !td.family().equals(current.family()) && !spec.allowOtherFamily()) {
            // web-api:3 for web:3 is a typo more often than a rename, and would put another application in place.
            problems.add(new Problem("toRevision", td.familyRevision() + " is of family " + td.family() + ", but the service"
                    + " runs " + current + " of family " + current.family() + "; to roll back to another family on purpose,"
                    + " add allowOtherFamily"));
            return Optional.empty();
        }
        String family = td.family().equals(current.family()) ? "" : "; note: another family than the current " + current;
        return Optional.of(new RollbackChoice(current, td.ref(), td.arn(), why + family));
    }

    private Optional<TaskDefinitionRef> below(TaskDefinitionRef current) {
        return ecs.activeRevisions(current.family()).stream().map(TaskDefinitionRef::parse).flatMap(Optional::stream)
                .filter(r -> r.family().equals(current.family()) && r.revision() < current.revision())
                .max(Comparator.comparingInt(TaskDefinitionRef::revision));
    }

    private String suggestions(String family, TaskDefinitionRef current) {
        List<String> active = ecs.activeRevisions(family).stream().map(TaskDefinitionRef::parse).flatMap(Optional::stream)
                .filter(r -> !r.equals(current)).limit(SUGGESTED_REVISIONS).map(TaskDefinitionRef::toString).toList();
        return active.isEmpty() ? " (" + family + " has no other ACTIVE revision)"
                : " (ACTIVE revisions of " + family + ": " + String.join(", ", active) + ")";
    }
}
