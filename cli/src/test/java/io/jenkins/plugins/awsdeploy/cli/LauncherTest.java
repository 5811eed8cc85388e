package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script (src/main/dist/aws-deploy) as Maven puts it beside the jar, with {@link LauncherProbe} in
 * place of the command: it must pass arguments, exit code and output through untouched, and use a class-data
 * archive only when it fits the jar and the JDK.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
@Timeout(120)
class LauncherTest {

    @TempDir
    Path dir;

    @BeforeEach
    void install() throws IOException {
        Files.copy(Path.of("src/main/dist/aws-deploy"), dir.resolve("aws-deploy"));
        // The head of the real list: the JDK classes every start loads. Enough to write and map an archive, and
        // seconds faster to dump than the whole list.
        try (Stream<String> list = Files.lines(Path.of("src/main/cds/aws-deploy.classlist"))) {
            Files.write(dir.resolve("aws-deploy.classlist"), list.limit(300).toList());
        }
        writeJar(dir.resolve("aws-deploy.jar"));
    }

    @Test
    void passesArgumentsExitCodeAndOutputThroughUnchanged() throws Exception {
        Run run = launch(null, "3", "two words", "", "it's \"quoted\" $HOME *");

        assertThat(run.exit).isEqualTo(3);
        assertThat(run.args()).containsExactly("3", "two words", "", "it's \"quoted\" $HOME *");
        assertThat(run.out).allMatch(l -> l.startsWith("jvm ") || l.startsWith("arg "));
    }

    @Test
    void theFirstRunWritesAnArchiveForThisJdkAndTheNextOnesMapIt() throws Exception {
        Run first = launch(null, "0");
        Path archive = onlyArchive();
        assertThat(archive.getFileName().toString()).contains(System.getProperty("java.runtime.version"));
        assertThat(first.err).contains("writing a class-data archive");

        // -Xshare:on: the JVM refuses to start rather than run without the archive it was given.
        Run second = launch("-Xshare:on", "0");

        assertThat(second.exit).isZero();
        assertThat(second.err).isEmpty();
        assertThat(second.jvm()).contains("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1", "-Xshare:on");
    }

    @Test
    void aRebuiltJarGetsANewArchive() throws Exception {
        launch(null, "0");
        Path old = onlyArchive();
        FileTime before = Files.getLastModifiedTime(old);
        writeJar(dir.resolve("aws-deploy.jar"));
        Files.setLastModifiedTime(dir.resolve("aws-deploy.jar"), FileTime.from(before.toInstant().plusSeconds(60)));

        Run run = launch("-Xshare:on", "0");

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.err).contains("writing a class-data archive");
        assertThat(Files.getLastModifiedTime(onlyArchive())).isNotEqualTo(before);
    }

    @Test
    void aJdkWhoseVersionItCannotReadRunsWithoutArchive() throws Exception {
        Path jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.createSymbolicLink(jdk.resolve("bin/java"), Path.of(System.getProperty("java.home"), "bin", "java"));

        Run run = launchWith(jdk, null, "0");

        assertThat(run.exit).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.jvm()).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
        assertThat(archives()).isEmpty();
    }

    private record Run(int exit, List<String> out, String err) {
        List<String> args() {
            return out.stream().filter(l -> l.startsWith("arg ")).map(l -> l.substring(4)).toList();
        }

        List<String> jvm() {
            return out.stream().filter(l -> l.startsWith("jvm ")).map(l -> l.substring(4)).toList();
        }
    }

    /** Runs the launcher with this JAVA_OPTS (or none) under the JDK running the test. */
    private Run launch(String javaOpts, String... args) throws Exception {
        return launchWith(Path.of(System.getProperty("java.home")), javaOpts, args);
    }

    private Run launchWith(Path javaHome, String javaOpts, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", dir.resolve("aws-deploy").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().remove("JAVA_OPTS");
        if (javaOpts != null) pb.environment().put("JAVA_OPTS", javaOpts);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        int exit = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start().waitFor();
        return new Run(exit, Files.readAllLines(out), Files.readString(err));
    }

    private Path onlyArchive() throws IOException {
        List<Path> all = archives();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    /** A jar like the real one, but whose main class is the probe. */
    private static void writeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
