package io.fathom.engine.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine embedded as a library, opening its journal in a JVM without Fathom's command line, leaves
 * the home directory alone: Chronicle's analytics, which write a client id there and post it to Google,
 * stay off, and JNA (loaded by Chronicle) unpacks into the temporary directory, not {@code ~/.cache}, and
 * leaves nothing there. The JVM runs on the main classpath only, since JUnit on the classpath silences
 * Chronicle's analytics by itself; a name outside a hosts file holding only localhost cannot be resolved,
 * so nothing leaves the host even when the control switches analytics on.
 */
class ChronicleDefaultsTest
{
    @TempDir
    Path root;

    @Test
    void openingAJournalLeavesTheHomeDirectoryEmpty() throws Exception
    {
        final Path home = openJournal(List.of());

        assertThat(contents(home)).isEmpty();
        assertThat(contents(root.resolve("tmp"))).isEmpty();
    }

    @Test
    void theCheckSeesChronicleAnalyticsWhenAnOperatorTurnsThemOn() throws Exception
    {
        final Path home = openJournal(List.of("-D" + ChronicleDefaults.ANALYTICS_DISABLE + "=false"));

        assertThat(home.resolve(".chronicle.analytics.client.id")).exists();
    }

    /** @return the child's home directory, after it opened and closed a journal and exited 0. */
    private Path openJournal(final List<String> jvmOptions) throws IOException, InterruptedException
    {
        final Path home = Files.createDirectories(root.resolve("home"));
        final Path hosts = Files.writeString(root.resolve("hosts"), "127.0.0.1 localhost\n");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(option -> option.startsWith("--add-")).forEach(command::add);
        command.add("-Duser.home=" + home);
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(root.resolve("tmp")));
        command.add("-Djdk.net.hosts.file=" + hosts);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(mainClassPath());
        command.add(OpenJournalMain.class.getName());
        command.add(root.resolve("journal").toString());
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(root.resolve("output.txt").toFile()).directory(root.toFile());
        builder.environment().put("HOME", home.toString());
        final Process child = builder.start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(root.resolve("output.txt"), StandardCharsets.UTF_8)).isZero();
        return home;
    }

    private static List<Path> contents(final Path directory) throws IOException
    {
        try (Stream<Path> files = Files.walk(directory))
        {
            return files.filter(path -> !path.equals(directory)).collect(Collectors.toList());
        }
    }

    /** This JVM's classpath without the test libraries. */
    private static String mainClassPath()
    {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> Stream.of("junit", "opentest4j", "apiguardian", "assertj", "byte-buddy", "jqwik")
                .noneMatch(entry::contains))
            .collect(Collectors.joining(File.pathSeparator));
    }
}
