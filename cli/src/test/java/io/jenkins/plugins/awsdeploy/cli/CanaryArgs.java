package io.jenkins.plugins.awsdeploy.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code canary} command line to vary one option at a time. */
final class CanaryArgs {

    private final Map<String, List<String>> options = new LinkedHashMap<>();

    static CanaryArgs valid(LocalStage.Scene scene, LocalStage stage) {
        return new CanaryArgs()
                .set("--listener-arn", scene.listener())
                .set("--stable-target-group", scene.stable())
                .set("--canary-target-group", scene.canary())
                .set("--steps", "10,50,100")
                .set("--bake", "1s")
                .set("--poll", "1s")
                .set("--alarm", scene.alarm())
                .set("--region", "us-east-1")
                .set("--endpoint-url", stage.aws.endpoint().toString());
    }

    CanaryArgs set(String option, String... values) {
        options.put(option, List.of(values));
        return this;
    }

    CanaryArgs flag(String option) {
        options.put(option, List.of());
        return this;
    }

    CanaryArgs remove(String option) {
        options.remove(option);
        return this;
    }

    String[] toArray() {
        List<String> args = new ArrayList<>(List.of("canary"));
        options.forEach((option, values) -> {
            if (values.isEmpty()) args.add(option);
            for (String v : values) {
                args.add(option);
                args.add(v);
            }
        });
        return args.toArray(String[]::new);
    }
}
