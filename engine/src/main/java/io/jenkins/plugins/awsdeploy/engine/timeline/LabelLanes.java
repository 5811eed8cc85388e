package io.jenkins.plugins.awsdeploy.engine.timeline;

import java.util.ArrayList;
import java.util.List;

/** Stacks mark labels in a few rows so that events close together in time stay readable. */
final class LabelLanes {

    private static final double GAP = 6;

    private final List<List<double[]>> lanes = new ArrayList<>();

    LabelLanes(int count) {
        for (int i = 0; i < count; i++) {
            lanes.add(new ArrayList<>());
        }
    }

    /** The first row where [from, to] is free; when none is, the last row, where an overlap hurts least. */
    int place(double from, double to) {
        int chosen = lanes.size() - 1;
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).stream().noneMatch(taken -> from < taken[1] + GAP && taken[0] < to + GAP)) {
                chosen = i;
                break;
            }
        }
        lanes.get(chosen).add(new double[] {from, to});
        return chosen;
    }
}
