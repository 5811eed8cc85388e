package io.jenkins.plugins.awsdeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * State files written before the strategy registry (one per strategy and phase, produced by the engine of that
 * time while its tests ran) still load: a deployment stopped by an upgrade resumes where it was.
 */
class OldStateFilesTest {

    static Stream<Path> stateFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(OldStateFilesTest.class.getResource("/state-files/v1").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(19);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("stateFiles")
    void loadsAndWritesTheSameStrategyBack(Path file) throws IOException {
        String name = file.getFileName().toString();
        String type = name.substring(0, name.lastIndexOf('-'));

        Checkpoint loaded = JsonCodec.readCheckpoint(Files.readString(file));
        String again = JsonCodec.write(loaded);

        assertThat(again).startsWith("{\"strategy\":\"" + type + "\"");
        assertThat(JsonCodec.readCheckpoint(again)).isEqualTo(loaded);
        assertThat(loaded.finished()).isEqualTo(name.endsWith("-Finished.json"));
        assertThat(Progress.of(loaded, Instant.parse("2026-01-01T00:00:00Z")).doing()).isNotBlank();
    }
}
