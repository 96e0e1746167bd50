package io.fathom.tools.subscribe;

import io.fathom.codec.json.JsonWriter;
import io.fathom.engine.InvalidSettingException;
import io.fathom.engine.publish.PublishContext;
import io.fathom.engine.subscribe.BookSubscriber;
import io.fathom.engine.subscribe.SubscribedBook;
import io.fathom.engine.subscribe.SubscriberContext;
import io.fathom.engine.view.BookCopy;
import io.fathom.engine.view.BookView;
import io.fathom.engine.view.TopOfBook;
import io.fathom.tools.cli.DurationConverter;
import io.fathom.tools.cli.EngineOptions;
import io.fathom.tools.cli.InstrumentsJson;
import io.fathom.tools.cli.OutputFiles;
import io.fathom.tools.cli.SignalExit;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.ShutdownSignalBarrier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** {@code fathom subscribe CHANNEL}: rebuilds the books engines publish over Aeron and prints them. */
@Command(name = "subscribe", mixinStandardHelpOptions = true,
    description = "Rebuild the books engines publish over Aeron (run/demo --publish) and print the ones that changed, " +
        "once per --interval, until Ctrl-C, SIGTERM or --duration.")
public final class SubscribeCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "CHANNEL", description = "the channel the engines publish on, e.g. aeron:ipc or aeron:udp?endpoint=127.0.0.1:40456")
    String channel;

    @Option(names = "--symbols", paramLabel = "A,B", split = ",",
        description = "the books to keep, SYMBOL on any venue or venue:SYMBOL; default: every book published")
    List<String> symbols = List.of();

    @Option(names = "--format", paramLabel = "F", description = "text or jsonl (one JSON object per changed book); default: ${DEFAULT-VALUE}")
    String format = "text";

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class, description = "stop after this long, e.g. 30s")
    Duration duration;

    @Option(names = "--interval", paramLabel = "D", converter = DurationConverter.class, description = "how often changed books are printed, 10ms..1h; default: 1s")
    Duration interval = Duration.ofSeconds(1);

    @Option(names = "--summary-json", paramLabel = "FILE", description = "write the counts and every book's final top (an instruments array, as check writes) at exit")
    File summaryJson;

    @Option(names = "--aeron-dir", paramLabel = "DIR", description = "a running Aeron media driver's directory (aeron:ipc needs the publisher's); default: an embedded driver")
    File aeronDir;

    @Option(names = "--stream-id", paramLabel = "N", description = "Aeron stream id; default: ${DEFAULT-VALUE}")
    int streamId = PublishContext.DEFAULT_STREAM_ID;

    @Option(names = "--control", paramLabel = "CHANNEL", description = "an engine's --publish-control channel to ask for " +
        "snapshots on (repeat it for each shard's engine), or off; default: aeron:ipc when CHANNEL is IPC, none for UDP")
    List<String> control;

    private final PrintStream out = System.out;
    private final Map<String, Long> printed = new HashMap<>();

    @Override
    public Integer call() throws Exception
    {
        checkOptions();
        final BookSubscriber subscriber;
        try
        {
            subscriber = BookSubscriber.connect(new SubscriberContext()
                .channel(channel).streamId(streamId).aeronDir(aeronDir).symbols(symbols)
                .controlChannels(control == null ? null : control.equals(List.of("off")) ? List.of() : control));
        }
        catch (final InvalidSettingException ex)
        {
            throw new IllegalArgumentException(flag(ex.setting()) + " " + ex.reason(), ex);
        }
        final AtomicLong errors = new AtomicLong();
        final AgentRunner runner = new AgentRunner(new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1),
            TimeUnit.MILLISECONDS.toNanos(1)), error ->
            {
                errors.incrementAndGet();
                System.err.println("subscriber error: " + error);
            }, null, subscriber);
        AgentRunner.startOnThread(runner);
        out.println("subscribed to " + channel + " stream " + streamId + " through the media driver in " + subscriber.aeronDirectory());
        final ShutdownSignalBarrier barrier = SignalExit.barrier();
        final Thread printer = new Thread(() -> printLoop(subscriber, barrier), "fathom-subscribe-print");
        printer.setDaemon(true);
        printer.start();
        barrier.await();
        printer.interrupt();
        printer.join(TimeUnit.SECONDS.toMillis(5));

        final List<SubscribedBook> books = books(subscriber);
        final String summary = summaryJson(subscriber, books, errors.get());
        out.printf("summary: books=%d valid=%d messages=%d snapshots=%d snapshot_requests=%d sequence_gaps=%d images_lost=%d " +
            "clients_lost=%d refused=%d versions_refused=%d%n", books.size(), validBooks(subscriber, books), subscriber.messages(),
            subscriber.snapshots(), subscriber.snapshotRequests(), subscriber.sequenceGaps(), subscriber.imagesLost(),
            subscriber.clientsLost(), subscriber.refused(), subscriber.versionsRefused());
        CloseHelper.quietClose(runner);
        if (summaryJson != null)
        {
            try
            {
                Files.writeString(summaryJson.toPath(), summary + "\n", StandardCharsets.UTF_8);
            }
            catch (final IOException ex)
            {
                out.println("could not write " + summaryJson + ": " + ex.getMessage());
            }
        }
        out.flush();
        SignalExit.haltIfSignalled(0);
        barrier.close();
        return 0;
    }

    private void checkOptions()
    {
        if (!"text".equals(format) && !"jsonl".equals(format))
        {
            throw new IllegalArgumentException("--format must be text or jsonl (got '" + format + "')");
        }
        if (duration != null && (duration.compareTo(Duration.ofMillis(1)) < 0 || duration.compareTo(EngineOptions.MAX_DURATION) > 0))
        {
            throw new IllegalArgumentException("--duration must be 1ms..8760h (got " + duration + ")");
        }
        if (interval.compareTo(Duration.ofMillis(10)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0)
        {
            throw new IllegalArgumentException("--interval must be 10ms..1h (got " + interval + ")");
        }
        if (summaryJson != null)
        {
            OutputFiles.requireWritable("--summary-json", summaryJson);
        }
    }

    private static String flag(final String setting)
    {
        switch (setting)
        {
            case "channel":
                return "CHANNEL";
            case "aeronDir":
                return "--aeron-dir";
            case "controlChannels":
                return "--control";
            case "streamId":
                return "--stream-id";
            default:
                return setting;
        }
    }

    /** Prints changed books every interval until the duration ends (then signals the barrier) or it is interrupted. */
    private void printLoop(final BookSubscriber subscriber, final ShutdownSignalBarrier barrier)
    {
        final long endNs = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        final TopOfBook top = new TopOfBook();
        try
        {
            while (true)
            {
                final long leftNs = endNs - System.nanoTime();
                Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(leftNs, interval.toNanos()))));
                printChanged(subscriber, top);
                if (endNs - System.nanoTime() <= 0)
                {
                    barrier.signal();
                    return;
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void printChanged(final BookSubscriber subscriber, final TopOfBook top)
    {
        final List<SubscribedBook> books = subscriber.books();
        final boolean severalVenues = books.stream().map(SubscribedBook::venue).distinct().count() > 1;
        for (final SubscribedBook book : books)
        {
            final BookView view = subscriber.bookView(book.venue(), book.symbol());
            final boolean valid = view.read(top);
            final long key = valid ? top.updateId() : Long.MIN_VALUE + top.invalidReason();
            final String label = severalVenues ? book.label() : book.symbol();
            final Long last = printed.put(label, key);
            if (last != null && last == key)
            {
                continue;
            }
            if ("jsonl".equals(format))
            {
                out.println(InstrumentsJson.entry(new JsonWriter(), book, view, top));
            }
            else if (valid)
            {
                out.printf("%-14s bid %s x %s  ask %s x %s  update %d%n", label, top.bidPrice(), top.bidQuantity(),
                    top.askPrice(), top.askQuantity(), top.updateId());
            }
            else
            {
                out.printf("%-14s invalid (%s)%n", label, BookCopy.reasonName(top.invalidReason()));
            }
        }
        out.flush();
    }

    /** Every book defined, sorted by venue and symbol, then each {@code --symbols} entry no publisher defined. */
    private List<SubscribedBook> books(final BookSubscriber subscriber)
    {
        final List<SubscribedBook> books = new ArrayList<>(subscriber.books());
        for (final String wanted : symbols)
        {
            final int colon = wanted.indexOf(':');
            final String venue = colon < 0 ? "" : wanted.substring(0, colon).toLowerCase(Locale.ROOT);
            final String symbol = wanted.substring(colon + 1).toUpperCase(Locale.ROOT);
            if (books.stream().noneMatch(book -> book.symbol().equals(symbol) && (venue.isEmpty() || book.venue().equals(venue))))
            {
                books.add(new SubscribedBook(venue, symbol));
            }
        }
        return books;
    }

    private static BookView view(final BookSubscriber subscriber, final SubscribedBook book)
    {
        return subscriber.bookView(book.venue(), book.symbol());
    }

    private static long validBooks(final BookSubscriber subscriber, final List<SubscribedBook> books)
    {
        final TopOfBook top = new TopOfBook();
        return books.stream().filter(book -> view(subscriber, book) != null && view(subscriber, book).read(top)).count();
    }

    private String summaryJson(final BookSubscriber subscriber, final List<SubscribedBook> books, final long errors)
    {
        final JsonWriter json = new JsonWriter().beginObject()
            .field("channel", channel)
            .field("messages", subscriber.messages())
            .field("snapshots", subscriber.snapshots())
            .field("snapshot_requests", subscriber.snapshotRequests())
            .field("sequence_gaps", subscriber.sequenceGaps())
            .field("images_lost", subscriber.imagesLost())
            .field("clients_lost", subscriber.clientsLost())
            .field("refused", subscriber.refused())
            .field("versions_refused", subscriber.versionsRefused())
            .field("errors", errors)
            .field("books", books.size())
            .field("books_valid", validBooks(subscriber, books));
        InstrumentsJson.ofViews(json, books, book -> view(subscriber, book));
        return json.endObject().toString();
    }
}
