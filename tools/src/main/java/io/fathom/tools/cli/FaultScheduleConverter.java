package io.fathom.tools.cli;

import io.fathom.tools.sim.SimFaultSchedule;
import picocli.CommandLine;

/** Parses {@code --faults}: a bad SPEC becomes a usage error quoting the offending item. */
public final class FaultScheduleConverter implements CommandLine.ITypeConverter<SimFaultSchedule>
{
    @Override
    public SimFaultSchedule convert(final String spec)
    {
        try
        {
            return SimFaultSchedule.parse(spec);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.TypeConversionException(ex.getMessage());
        }
    }
}
