package io.jenkins.plugins.awsdeploy.engine.ownership;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One owner per resource. A deployment marks every resource it will change (listener or rule, ECS
 * services) before its first change, renews the marks while it runs, and takes them off when it ends. A
 * second deployment finds the marks at its preflight and refuses; a mark whose lease ran out (its
 * deployment died) may be taken over, and that is said.
 *
 * <p>Tags cannot be written conditionally, so two deployments starting in the same second could both
 * mark; each reads its mark back, and every renewal reads it again, so the loser notices at the latest
 * at its next renewal. The marks guard against people and pipelines, not against a race of milliseconds.
 */
public final class Ownership {

    /**
     * How long a mark holds without renewal: long enough to ride out a restart, short enough to take over.
     * A deployment that polls rarely holds its marks for three polls instead.
     */
    public static final Duration TERM = Duration.ofMinutes(15);

    private final LeasePort port;

    public Ownership(LeasePort port) {
        this.port = port;
    }

    /** Reads the marks on the resources (ARN to the parameter that named it); changes nothing. */
    public Survey survey(Claim me, Map<String, String> parameterByArn, Instant now) {
        List<Problem> problems = new ArrayList<>();
        List<Lease> expired = new ArrayList<>();
        Set<String> ours = new HashSet<>();
        parameterByArn.forEach((arn, parameter) -> {
            Optional<Lease> found;
            try {
                found = port.read(arn);
            } catch (RuntimeException e) {
                problems.add(new Problem(parameter, "its ownership marker could not be read: " + AwsFailure.describe(e)));
                return;
            }
            if (found.isEmpty()) return;
            Lease lease = found.get();
            if (lease.deploymentId().equals(me.deploymentId())) {
                ours.add(arn);
            } else if (lease.expiredAt(now)) {
                expired.add(lease);
            } else {
                problems.add(new Problem(parameter, "is being driven by another " + lease.describe() + "; wait until it "
                        + "ends, or, if it died, until its lease runs out at " + lease.until()));
            }
        });
        return new Survey(problems, expired, ours);
    }

    /**
     * Marks the resources as this deployment's, each read back. If a mark cannot be written or reads back
     * as someone else's, the marks written so far are taken off again and the failure is thrown.
     *
     * @param poll the longest the deployment waits between two calls, which the term must outlast
     */
    public Claim take(Claim me, List<String> arns, Instant now, Duration poll) {
        Duration term = poll.multipliedBy(3).compareTo(TERM) > 0 ? poll.multipliedBy(3) : TERM;
        Lease lease = new Lease(me.deploymentId(), me.owner(), now.plus(term));
        List<String> written = new ArrayList<>();
        try {
            for (String arn : arns) {
                port.write(arn, lease);
                written.add(arn);
                Optional<Lease> back = port.read(arn);
                if (back.isEmpty() || !back.get().deploymentId().equals(me.deploymentId())) {
                    throw new IllegalStateException("the ownership marker of " + arn + " reads back as "
                            + back.map(Lease::describe).orElse("none"));
                }
            }
        } catch (RuntimeException e) {
            written.forEach(this::removeQuietly);
            throw e;
        }
        return me.holding(arns, lease.until(), term);
    }

    /**
     * What the engine does before every call of a strategy, so that a deployment never writes to a resource
     * it no longer owns: when a renewal is due (half the term spent, a restart, or the lease already run
     * out) it reads the marks, and a mark found to be another deployment's ends this one before the strategy
     * acts. A lease that has run out is renewed here, before the strategy; if that fails the deployment ends
     * Unsafe rather than move on unowned (rolling back would write to resources someone may have taken over).
     * The renewed lease goes into the checkpoint the strategy acts on, so that {@link #keep} does not renew it again.
     *
     * @return the tick that ends the deployment instead of the strategy's call; else a tick carrying the checkpoint
     *         for the strategy: {@code cp} itself, or {@code cp} with its lease renewed
     */
    public Tick before(Checkpoint cp, Instant now, boolean resumed) {
        Tick unchanged = new Tick(cp, List.of(), null);
        Claim claim = cp.claim();
        if (claim == null || !claim.holds() || cp.finished()) return unchanged;
        Duration term = claim.term() == null ? TERM : claim.term();
        boolean lapsed = !now.isBefore(claim.until());
        if (!resumed && !lapsed && now.isBefore(claim.until().minus(term.dividedBy(2)))) return unchanged;
        String arn = "";
        try {
            for (String each : claim.resources()) {
                arn = each;
                Optional<Lease> found = port.read(each);
                if (found.isPresent() && !found.get().deploymentId().equals(claim.deploymentId())) {
                    return lost(unchanged, now, "stopped before its next step: " + each + " is now held by "
                            + found.get().describe() + ", which took it over after this deployment's lease (until "
                            + claim.until() + ") ran out");
                }
            }
            if (!lapsed) return unchanged;
            Lease lease = new Lease(claim.deploymentId(), claim.owner(), now.plus(term));
            for (String each : claim.resources()) {
                arn = each;
                port.write(each, lease);
            }
            return new Tick(cp.withClaim(claim.holding(claim.resources(), lease.until(), term)), List.of(), null);
        } catch (RuntimeException e) {
            if (!lapsed) return unchanged; // the lease still holds; the renewal after the strategy tries again
            return lost(unchanged, now, "lease lost: it ran out at " + claim.until() + " and the ownership "
                    + "marker of " + arn + " could not be checked or renewed (" + AwsFailure.describe(e) + "), so "
                    + "anyone may take the resources over; stopped before its next step");
        }
    }

    private Tick lost(Tick tick, Instant now, String why) {
        Checkpoint cp = tick.checkpoint();
        String message = why + ". This deployment was " + cp.status() + " and left traffic there; check the "
                + "resource before anything else";
        DeploymentEvent told = event(now, EventKind.FAILED, message, "a person must check who drives it");
        return with(tick, cp.ended(new Outcome.Unsafe(message, "")).withClaim(cp.claim().released()), List.of(told), null);
    }

    /**
     * What the engine does after every call of a strategy: renews the marks when half their term is
     * spent (and always right after a restart), and takes them off once the deployment has ended. A mark
     * found to be another deployment's ends this one without touching anything more.
     */
    public Tick keep(Tick tick, Instant now, boolean resumed) {
        Checkpoint cp = tick.checkpoint();
        Claim claim = cp.claim();
        if (claim == null || !claim.holds()) return tick;
        if (cp.finished()) return release(tick, now);
        List<DeploymentEvent> told = new ArrayList<>();
        Duration term = claim.term() == null ? TERM : claim.term();
        if (claim.until().equals(now.plus(term))) {
            // before() renewed it for this very call
            if (resumed) told.add(event(now, EventKind.INFO, "holds its ownership marker again, until " + claim.until(), ""));
            return with(tick, cp, told, tick.wakeAt());
        }
        if (!resumed && now.isBefore(claim.until().minus(term.dividedBy(2)))) return tick;
        Lease lease = new Lease(claim.deploymentId(), claim.owner(), now.plus(term));
        try {
            for (String arn : claim.resources()) {
                Optional<Lease> found = port.read(arn);
                if (found.isPresent() && !found.get().deploymentId().equals(claim.deploymentId())) {
                    // before() checked the marks when the lease could lapse; this is a take-over racing this very step
                    return lost(tick, now, "stopped: " + arn + " is now held by " + found.get().describe()
                            + ", which took it over while this deployment (lease until " + claim.until() + ") took its last step");
                }
                port.write(arn, lease);
            }
        } catch (RuntimeException e) {
            told.add(event(now, EventKind.INFO, "could not renew the ownership marker: " + AwsFailure.describe(e),
                    "try again at the next tick; the marker holds until " + claim.until()
                            + ", and if it cannot be renewed by then the deployment stops"));
            return with(tick, cp, told, tick.wakeAt());
        }
        if (resumed) {
            told.add(event(now, EventKind.INFO, "holds its ownership marker again, until " + lease.until(), ""));
        }
        return with(tick, cp.withClaim(claim.holding(claim.resources(), lease.until(), term)), told, tick.wakeAt());
    }

    /**
     * Takes this deployment's marks off, best effort: each only if it still carries this deployment's id. The
     * engine does so once a deployment has ended; a shell that ends one outside the engine (it gave up, or a stop
     * dropped a preflight's result) asks for it too, so no mark is left to block the resources for a term.
     */
    public Tick release(Tick tick, Instant now) {
        Checkpoint cp = tick.checkpoint();
        Claim claim = cp.claim();
        if (claim == null || !claim.holds()) return tick;
        List<DeploymentEvent> told = new ArrayList<>();
        for (String arn : claim.resources()) {
            try {
                Optional<Lease> found = port.read(arn);
                if (found.isPresent() && found.get().deploymentId().equals(claim.deploymentId())) port.remove(arn);
            } catch (RuntimeException e) {
                told.add(event(now, EventKind.INFO, "could not take the ownership marker off " + arn + ": "
                        + AwsFailure.describe(e) + "; it holds until " + claim.until() + ", then anyone may take over", ""));
            }
        }
        return with(tick, cp.withClaim(claim.released()), told, tick.wakeAt());
    }

    private void removeQuietly(String arn) {
        try {
            port.remove(arn);
        } catch (RuntimeException ignored) {
            // the mark expires on its own; the failure that brought us here is the one to report
        }
    }

    private static DeploymentEvent event(Instant now, EventKind kind, String message, String next) {
        return new DeploymentEvent(now, kind, message, null, null, next);
    }

    private static Tick with(Tick tick, Checkpoint cp, List<DeploymentEvent> told, Instant wakeAt) {
        if (told.isEmpty()) return new Tick(cp, tick.events(), wakeAt);
        List<DeploymentEvent> history = new ArrayList<>(cp.history());
        history.addAll(told);
        List<DeploymentEvent> events = new ArrayList<>(tick.events());
        events.addAll(told);
        return new Tick(cp.withHistory(history), events, wakeAt);
    }
}
