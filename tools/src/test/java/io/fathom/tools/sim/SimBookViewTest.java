package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that starts from a view's top and applies only the changes {@link SimBookView} reports, truncating
 * to the depth when the venue leaves that to it, holds exactly the book's top after every diff; and every
 * removal it is sent is of a level it holds.
 */
class SimBookViewTest
{
    private static final int DIFFS = 200;

    @Property(tries = 30)
    void changesKeepAClientViewEqualToTheTopOfTheBook(
        @ForAll final long seed,
        @ForAll @IntRange(min = 1, max = 60) final int depth,
        @ForAll final boolean reportPushedOut)
    {
        final SimBook book = SimBook.create(1, seed, 20);
        final SimBookView view = new SimBookView(book.sideCapacity());
        final SimNumberFormat format = SimNumberFormat.forVenue(Venue.OKX);
        final DepthMessage diff = new DepthMessage(SimBook.MAX_DIFF_LEVELS);
        final DepthMessage changes = new DepthMessage(SimSnapshotWire.levelCapacity(book.sideCapacity()));
        final SimReferenceBook client = new SimReferenceBook(reportPushedOut ? Integer.MAX_VALUE : depth, -1, -1);
        client.apply(top(book, depth, format));

        for (int i = 0; i < DIFFS; i++)
        {
            view.capture(book, depth);
            book.nextDiff(diff);
            changes.reset();
            changes.scales(SimBook.SCALE, SimBook.SCALE).kind(DepthMessage.KIND_DELTA);
            view.appendChanges(book, DepthMessage.BID, depth, reportPushedOut, format, changes);
            view.appendChanges(book, DepthMessage.ASK, depth, reportPushedOut, format, changes);
            final List<List<Long>> held = client.levels();
            for (int level = 0; level < changes.levelCount(); level++)
            {
                final long side = changes.side(level);
                final long price = changes.price(level);
                if (changes.quantity(level) == 0)
                {
                    assertThat(held.stream().anyMatch((h) -> h.get(0) == side && h.get(1) == price))
                        .as("removal of a held level").isTrue();
                }
            }
            client.apply(changes);
            assertThat(client.levels()).as("after diff " + i).isEqualTo(SimReferenceBook.levels(top(book, depth, format)));
        }
    }

    private static DepthMessage top(final SimBook book, final int depth, final SimNumberFormat format)
    {
        final DepthMessage snapshot = new DepthMessage(2 * book.sideCapacity());
        snapshot.scales(SimBook.SCALE, SimBook.SCALE).kind(DepthMessage.KIND_SNAPSHOT);
        SimBookView.appendTop(book, DepthMessage.BID, depth, format, snapshot);
        SimBookView.appendTop(book, DepthMessage.ASK, depth, format, snapshot);
        return snapshot;
    }
}
