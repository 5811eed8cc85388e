package io.jenkins.plugins.awsdeploy.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file so that a reader, or a process killed at any instant, sees either the old content or the new one,
 * never a torn file: written beside the target, flushed to disk, then renamed over it. A file system that cannot rename
 * atomically gets an error, not a half-safe fallback: a state file written there could be torn.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /**
     * @param readableByAll false keeps the file to its owner (as a new temporary file is): a state file; true makes it
     *                      {@code rw-r--r--} on POSIX systems: a report, to be served and shared like a build log
     */
    public static void write(Path file, String text, boolean readableByAll) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            if (readableByAll && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) ch.write(bytes);
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
