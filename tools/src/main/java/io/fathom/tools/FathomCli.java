package io.fathom.tools;

import io.fathom.engine.InvalidSettingException;
import io.fathom.engine.journal.ChronicleDefaults;
import io.fathom.tools.cli.SettingFlags;
import io.fathom.tools.check.CheckCommand;
import io.fathom.tools.cli.SignalExit;
import io.fathom.tools.replay.ReplayCommand;
import io.fathom.tools.sim.SimCommand;
import io.fathom.tools.status.ErrorsCommand;
import io.fathom.tools.status.StatCommand;
import io.fathom.tools.subscribe.SubscribeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The {@code fathom} command line. */
@Command(
    name = "fathom",
    mixinStandardHelpOptions = true,
    version = "fathom 0.1.0",
    description = "Low-latency market-depth engine.")
public final class FathomCli implements Runnable
{
    /**
     * The commands, by name, in the order usage lists them. Only the command a line names is built: picocli reads
     * each command's annotations when it is added, and for every command that is most of a cold JVM's start, which
     * an operator running {@code fathom stat} every second should not pay. Made on each call, never in a static
     * initialiser: no command class may load before {@code main} has installed the signal handling.
     */
    private static Map<String, Supplier<Object>> commands()
    {
        final Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("demo", DemoCommand::new);
        commands.put("run", RunCommand::new);
        commands.put("sim", SimCommand::new);
        commands.put("replay", ReplayCommand::new);
        commands.put("stat", StatCommand::new);
        commands.put("errors", ErrorsCommand::new);
        commands.put("check", CheckCommand::new);
        commands.put("subscribe", SubscribeCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Installs the signal barrier before anything else, so that SIGTERM/SIGINT at any moment gives the
     * orderly exit: before a command starts it just exits 0, during an engine's launch it closes what was
     * built, afterwards it runs the command's shutdown.
     */
    public static void main(final String[] args)
    {
        SignalExit.install();
        int status = 1;
        try
        {
            status = UnsafeAccessLauncher.needsRelaunch() ? UnsafeAccessLauncher.relaunch(args) : execute(args);
        }
        catch (final Throwable ex)
        {
            // reported as the JVM reports an uncaught exception; the process still ends through the barrier
            ex.printStackTrace();
        }
        finally
        {
            SignalExit.exit(status);
        }
    }

    /** Runs a command line and returns its exit status; sets the process-wide defaults first. */
    public static int execute(final String... args)
    {
        applyDefaults();
        final CommandLine cli = new CommandLine(new FathomCli());
        final Map<String, Supplier<Object>> commands = commands();
        final Supplier<Object> named = args.length > 0 ? commands.get(args[0]) : null;
        if (named != null)
        {
            cli.addSubcommand(args[0], named.get());
        }
        else
        {
            commands.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.setExecutionStrategy(parseResult ->
        {
            if (SignalExit.jvmShuttingDown())
            {
                cli.getOut().println("signal received before the command started: exiting");
                cli.getOut().flush();
                return 0;
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
        {
            if (ex instanceof InvalidSettingException)
            {
                commandLine.getErr().println("fathom " + commandLine.getCommandName() + ": " +
                    SettingFlags.message((InvalidSettingException)ex));
                return 2;
            }
            if (ex instanceof IllegalArgumentException)
            {
                commandLine.getErr().println("fathom " + commandLine.getCommandName() + ": " + ex.getMessage());
                return 2;
            }
            commandLine.getErr().println("fathom " + commandLine.getCommandName() + ": " + ex);
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * A trading host does not phone home nor keep files in the user's home: Chronicle's usage analytics
     * and its start-up announcement are off and JNA unpacks into {@code java.io.tmpdir}
     * ({@link ChronicleDefaults}), unless the operator explicitly sets otherwise.
     */
    static void applyDefaults()
    {
        ChronicleDefaults.apply();
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.log.io.fathom.engine.journal.JournalRetention", "info");
    }

    private static void setIfAbsent(final String key, final String value)
    {
        if (System.getProperty(key) == null)
        {
            System.setProperty(key, value);
        }
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
