package io.fathom.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The JVM options the engine cannot run without: Agrona and Chronicle Queue reach JDK internals, and
 * without these options the first use fails deep inside a library with an {@link IllegalAccessError}.
 * {@link #check()} finds a missing option before anything touches those internals and says which
 * options to add, as one line to paste onto the {@code java} command line.
 *
 * <p>The probe only asks the JDK's modules what they export or open; it loads no Agrona or Chronicle
 * class, so it is safe to call first thing, from any thread.
 */
public final class JvmOptions
{
    /** One {@code --add-exports} or {@code --add-opens} of a package of a JDK module to the class path. */
    public record Option(boolean open, String module, String packageName)
    {
        /** As written on the {@code java} command line. */
        public String commandLine()
        {
            return (open ? "--add-opens=" : "--add-exports=") + module + "/" + packageName + "=ALL-UNNAMED";
        }
    }

    /**
     * What the engine needs of the root pom's {@code fathom.jvm.opens}, found by running it on JDK 17
     * without each option: Agrona's {@code UnsafeApi} needs {@code jdk.internal.misc}; Chronicle Queue
     * needs {@code sun.nio.ch} and {@code java.lang.reflect} to map its files (else it opens the
     * journal read-only and cannot append) and {@code jdk.internal.ref} to release mapped memory.
     */
    public static final List<Option> REQUIRED = List.of(
        new Option(false, "java.base", "jdk.internal.misc"),
        new Option(false, "java.base", "jdk.internal.ref"),
        new Option(false, "java.base", "sun.nio.ch"),
        new Option(true, "java.base", "java.lang.reflect"));

    private JvmOptions()
    {
    }

    /**
     * Throws when this JVM lacks an option of {@link #REQUIRED}, naming the missing ones and giving
     * the whole set as one line to paste; returns quietly otherwise.
     *
     * @throws IllegalStateException when an option is missing.
     */
    public static void check()
    {
        final List<Option> missing = missing(REQUIRED, JvmOptions.class.getModule());
        if (!missing.isEmpty())
        {
            throw new IllegalStateException(message(missing, REQUIRED));
        }
    }

    /** Those of {@code options} this JVM does not grant to {@code target} (the class path's unnamed module). */
    public static List<Option> missing(final List<Option> options, final Module target)
    {
        final List<Option> missing = new ArrayList<>();
        for (final Option option : options)
        {
            final Optional<Module> module = ModuleLayer.boot().findModule(option.module());
            final boolean granted = module.isPresent() && (option.open() ?
                module.get().isOpen(option.packageName(), target) :
                module.get().isExported(option.packageName(), target));
            if (!granted)
            {
                missing.add(option);
            }
        }
        return missing;
    }

    /** Says which options are missing, then gives all of {@code required} on one line. */
    static String message(final List<Option> missing, final List<Option> required)
    {
        final StringJoiner names = new StringJoiner(", ");
        missing.forEach(option -> names.add(option.commandLine()));
        return "the engine needs JVM options this JVM was started without (" + names + "): Agrona and Chronicle " +
            "Queue reach JDK internals. Start java with:" + System.lineSeparator() + commandLine(required);
    }

    /** The options as one line, separated by spaces, to paste onto a {@code java} command line. */
    public static String commandLine(final List<Option> options)
    {
        final StringJoiner line = new StringJoiner(" ");
        options.forEach(option -> line.add(option.commandLine()));
        return line.toString();
    }
}
