package io.jenkins.plugins.awsdeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: cli → engine ← plugin. If the engine or the command line ever imported a
 * Jenkins class, the CLI would stop working without Jenkins and the plugin's glue would stop being thin.
 */
class LayeringTest {

    private static final Pattern JENKINS = Pattern.compile(
            "^import\\s+(static\\s+)?(hudson|jenkins|org\\.jenkinsci|org\\.kohsuke|com\\.cloudbees)\\.", Pattern.MULTILINE);

    @Test
    void nothingInEngineOrCliOrLocalAwsImportsJenkins() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> offenders;
        try (Stream<Path> files = Stream.of("engine", "cli", "local-aws").map(root::resolve).filter(Files::isDirectory)
                .flatMap(LayeringTest::javaFiles)) {
            offenders = files.filter(f -> JENKINS.matcher(read(f)).find()).map(f -> root.relativize(f).toString()).toList();
        }
        assertThat(offenders).isEmpty();
        assertThat(root.resolve("engine/src/main/java")).isDirectory();
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(p -> p.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
