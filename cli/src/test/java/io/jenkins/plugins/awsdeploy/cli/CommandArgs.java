package io.jenkins.plugins.awsdeploy.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@code aws-deploy} command line to vary one option at a time. */
final class CommandArgs {

    private final String command;
    private final Map<String, List<String>> options = new LinkedHashMap<>();

    private CommandArgs(String command) {
        this.command = command;
    }

    static CommandArgs of(String command) {
        return new CommandArgs(command);
    }

    /** A canary on the scene that passes every check. */
    static CommandArgs canary(LocalStage.Scene scene, LocalStage stage) {
        return of("canary")
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

    CommandArgs set(String option, String... values) {
        options.put(option, List.of(values));
        return this;
    }

    CommandArgs flag(String option) {
        options.put(option, List.of());
        return this;
    }

    CommandArgs remove(String option) {
        options.remove(option);
        return this;
    }

    String[] toArray() {
        List<String> args = new ArrayList<>(List.of(command));
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
