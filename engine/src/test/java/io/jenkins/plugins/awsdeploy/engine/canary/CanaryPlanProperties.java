package io.jenkins.plugins.awsdeploy.engine.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Split;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CanaryPlanProperties {

    @Property
    void anyAscendingSetEndingAtHundredIsAValidPlanWhosePathAscends(
            @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 99) Integer> raw) {
        TreeSet<Integer> set = new TreeSet<>(raw);
        set.add(100);
        List<Problem> problems = new ArrayList<>();
        CanaryPlan plan = CanaryPlan.of(List.copyOf(set), Duration.ofMinutes(1), List.of(), problems);

        assertThat(problems).isEmpty();
        assertThat(plan.step(plan.size() - 1).split()).isEqualTo(new Split(0, 100));
        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.step(i).percent()).isGreaterThan(plan.step(i - 1).percent());
        }
        // Every point of the path can be resumed from, and only those.
        for (int i = 0; i < plan.size(); i++) {
            assertThat(plan.indexOf(plan.step(i).split())).hasValue(i);
        }
        assertThat(plan.indexOf(Split.ALL_STABLE)).isEmpty();
    }

    @Property
    void anyListThatDoesNotAscendStrictlyIsRefusedNamingSteps(
            @ForAll @Size(min = 2, max = 10) List<@IntRange(min = -5, max = 120) Integer> steps) {
        boolean valid = steps.get(steps.size() - 1) == 100;
        for (int i = 0; i < steps.size(); i++) {
            valid &= steps.get(i) >= 1 && steps.get(i) <= 100 && (i == 0 || steps.get(i) > steps.get(i - 1));
        }
        List<Problem> problems = new ArrayList<>();
        CanaryPlan.of(steps, Duration.ZERO, List.of(), problems);

        assertThat(problems.isEmpty()).isEqualTo(valid);
        assertThat(problems).allSatisfy(p -> assertThat(p.parameter()).isEqualTo("steps"));
    }

    @Property
    void splitsAlwaysAddUpToHundred(@ForAll @IntRange(min = 0, max = 100) int percent) {
        Split s = Split.canaryAt(percent);
        assertThat(s.stable() + s.canary()).isEqualTo(100);
    }
}
