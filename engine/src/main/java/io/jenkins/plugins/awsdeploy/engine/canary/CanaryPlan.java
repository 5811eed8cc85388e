package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Split;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The path traffic takes from the stable side to the new one: ascending steps ending at 100%. */
public record CanaryPlan(List<CanaryStep> steps) implements Serializable {

    public CanaryPlan {
        steps = List.copyOf(steps);
    }

    /**
     * Builds a plan, adding to {@code problems} whatever is wrong with the steps or the approvals.
     *
     * @param approveBefore the percentages whose step waits for a person first
     */
    public static CanaryPlan of(List<Integer> percents, Duration bake, Collection<Integer> approveBefore, List<Problem> problems) {
        if (percents.isEmpty()) {
            problems.add(new Problem("steps", "needs at least one step, for example 10,50,100"));
            return new CanaryPlan(List.of());
        }
        for (int i = 0; i < percents.size(); i++) {
            int p = percents.get(i);
            if (p < 1 || p > 100) {
                problems.add(new Problem("steps", p + " is outside 1..100"));
            } else if (i > 0 && p <= percents.get(i - 1)) {
                problems.add(new Problem("steps", "must ascend, but " + p + " follows " + percents.get(i - 1)));
            }
        }
        if (percents.get(percents.size() - 1) != 100) {
            problems.add(new Problem("steps", "must end at 100 so that the new side ends up with all traffic"));
        }
        for (int gate : approveBefore) {
            if (!percents.contains(gate)) {
                problems.add(new Problem("approveBefore", gate + " is not one of the steps " + percents));
            }
        }
        if (bake.isNegative()) {
            problems.add(new Problem("bake", "cannot be negative"));
        }
        return new CanaryPlan(percents.stream().map(p -> new CanaryStep(p, bake, approveBefore.contains(p))).toList());
    }

    public CanaryStep step(int index) {
        return steps.get(index);
    }

    public int size() {
        return steps.size();
    }

    public boolean isLast(int index) {
        return index == steps.size() - 1;
    }

    /** The step whose split this is, if the split lies on this plan's path. */
    public OptionalInt indexOf(Split split) {
        return IntStream.range(0, steps.size()).filter(i -> steps.get(i).split().equals(split)).findFirst();
    }

    /** {@code 10% → 50% → 100%, bake 5m} */
    public String describe() {
        String path = steps.stream().map(s -> (s.approvalFirst() ? "[approval] " : "") + s.percent() + "%")
                .collect(Collectors.joining(" → "));
        List<Duration> bakes = new ArrayList<>(steps.stream().map(CanaryStep::bake).distinct().toList());
        return bakes.size() == 1 ? path + ", bake " + DurationText.format(bakes.get(0)) + " each" : path;
    }
}
