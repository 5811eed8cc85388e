package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of {@code --image [CONTAINER=]IMAGE}, as the engine's container-to-image map. Image references
 * never contain '=', so the first one separates the container's name. Checked here rather than by the engine
 * because only here are the repeated options still apart: in a map, {@code app=a --image app=b} would silently
 * keep one of them.
 */
final class ContainerImages {

    private ContainerImages() {
    }

    /** Null when no image was given; problems are named {@code images}, which the command spells {@code --image}. */
    static Map<String, String> parse(List<String> values, List<Problem> problems) {
        if (values == null || values.isEmpty()) return null;
        Map<String, String> images = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            String container = eq < 0 ? BlueGreenSpec.ONLY_CONTAINER : value.substring(0, eq).trim();
            String image = eq < 0 ? value : value.substring(eq + 1);
            if (eq >= 0 && container.isEmpty()) {
                problems.add(new Problem("images", "'" + value + "' names no container before '='; write CONTAINER=IMAGE, "
                        + "or just IMAGE for a task definition with one container"));
            } else if (images.containsKey(container)) {
                problems.add(new Problem("images", container.isEmpty() ? "more than one image without a container name; "
                        + "name each container (app=repo:tag)" : "container " + container + " is given twice"));
            } else {
                images.put(container, image);
            }
        }
        return images;
    }
}
