package io.fathom.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a JVM on this class path that can run the engine and the simulator: Agrona and Chronicle
 * reach JDK internals, which {@code benchmarks.jar}'s manifest opens only when run with {@code -jar}.
 */
final class JvmOptions
{
    static final List<String> OPENS = List.of(
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
        "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED", "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");

    private JvmOptions()
    {
    }

    /** Whether this JVM was started with {@link #OPENS}. */
    static boolean opened()
    {
        return Object.class.getModule().isExported("jdk.internal.misc", JvmOptions.class.getModule());
    }

    /** {@code java <opens> [extra] -cp <this class path> mainClass}. */
    static List<String> javaCommand(final List<String> extra, final Class<?> mainClass)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(OPENS);
        if (Runtime.version().feature() >= 24)
        {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-Dchronicle.analytics.disable=true");
        command.add("-Dchronicle.announcer.disable=true");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.addAll(extra);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        return command;
    }
}
