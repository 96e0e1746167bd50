package io.fathom.tools;

import io.fathom.engine.JvmOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application started with a plain {@code java -cp}, without the module options: it must stop at
 * once with the message that lists them, not with an {@link IllegalAccessError} from deep inside Agrona.
 */
class JvmOptionsProcessTest
{
    @TempDir
    Path dir;

    @Test
    void embeddingTheEngineAgainstTheSimulatorWithoutTheOptionsStopsWithTheMessage() throws Exception
    {
        final Result result = run(List.of(), "simulator");

        assertThat(result.exitCode).as(result.output).isNotZero();
        assertThat(result.output)
            .contains(JvmOptions.commandLine(JvmOptions.REQUIRED))
            .doesNotContain("IllegalAccessError");
        assertThat(dir.resolve("journal")).doesNotExist();
    }

    @Test
    void launchingAnEngineAloneWithoutTheOptionsStopsWithTheMessage() throws Exception
    {
        final Result result = run(List.of(), "engine");

        assertThat(result.exitCode).as(result.output).isNotZero();
        assertThat(result.output)
            .contains("the engine needs JVM options")
            .contains(JvmOptions.commandLine(JvmOptions.REQUIRED))
            .doesNotContain("IllegalAccessError");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void theListedOptionsAloneAreEnough() throws Exception
    {
        final List<String> options = new ArrayList<>();
        JvmOptions.REQUIRED.forEach(option -> options.add(option.commandLine()));

        final Result result = run(options, "simulator");

        assertThat(result.exitCode).as(result.output).isZero();
        assertThat(result.output).contains("books valid").doesNotContain("IllegalAccessError");
    }

    private Result run(final List<String> jvmOptions, final String mode) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("-Dchronicle"))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EmbeddedEngineMain.class.getName());
        command.add(mode);
        command.add(dir.toString());
        final Path output = dir.resolve("output.txt");
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        final Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not exit within 120s: " + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output)
    {
    }
}
