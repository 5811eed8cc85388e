package io.jenkins.plugins.awsdeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryFileBehind() throws Exception {
        Path file = dir.resolve("state/deploy.json");
        AtomicFile.write(file, "old", false);

        AtomicFile.write(file, "new", false);

        assertThat(file).hasContent("new");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file.toAbsolutePath());
        }
    }

    @Test
    void aStateFileStaysItsOwnersAndAReportIsReadableByAll() throws Exception {
        Path state = dir.resolve("deploy.json");
        Path chart = dir.resolve("timeline.svg");
        AtomicFile.write(state, "{}", false);
        AtomicFile.write(chart, "<svg/>", true);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(chart))).isEqualTo("rw-r--r--");
    }
}
