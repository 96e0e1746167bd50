package io.fathom.codec.fuzz;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The cuts {@link FrameCuts} chooses cover every kind of cut a frame has, its edges byte by byte. */
class FrameCutsTest
{
    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void theCutsChosenCoverEveryKindOfCutAndEveryByteOfTheEdges(final FuzzTarget target)
    {
        long bytes = 0;
        long cuts = 0;
        for (final byte[] frame : FrameCuts.framesToCut(target))
        {
            final String[] kinds = FrameCuts.kinds(frame);
            final int[] chosen = FrameCuts.of(frame);
            final Set<String> all = new HashSet<>();
            for (int cut = 1; cut < frame.length; cut++)
            {
                all.add(kinds[cut]);
            }
            final Set<String> covered = new HashSet<>();
            final Set<Integer> chosenCuts = new HashSet<>();
            for (final int cut : chosen)
            {
                assertThat(cut).isBetween(1, frame.length - 1);
                covered.add(kinds[cut]);
                chosenCuts.add(cut);
            }
            assertThat(covered).isEqualTo(all);
            for (int cut = 1; cut < frame.length; cut++)
            {
                if (cut < FrameCuts.EDGE || cut >= frame.length - FrameCuts.EDGE)
                {
                    assertThat(chosenCuts).contains(cut);
                }
            }
            bytes += frame.length;
            cuts += chosen.length;
        }
        assertThat(cuts).isPositive().isLessThanOrEqualTo(bytes);
    }
}
