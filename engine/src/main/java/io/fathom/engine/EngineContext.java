package io.fathom.engine;

import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.BookSettings;
import io.fathom.engine.book.BookStateListener;
import io.fathom.engine.journal.JournalSettings;
import io.fathom.engine.journal.ReplaySettings;
import io.fathom.engine.journal.ReplaySpeed;
import io.fathom.engine.journal.RetentionPolicy;
import io.fathom.engine.publish.PublishContext;
import io.fathom.engine.ring.RingSettings;
import io.fathom.engine.view.ViewSettings;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@link Engine#launch} needs, set fluently: each setter returns this context and has a getter of the
 * same name. Every setting but the venue's symbols has a default (a Binance spot feed on a 2-core host); a context
 * pointed at a simulator needs only {@code new EngineContext().venue("binance").symbols("SYM0", "SYM1")
 * .url("ws://127.0.0.1:9000").restUrl("http://127.0.0.1:9001")}, then {@code try (Engine engine = Engine.launch(context))}.
 * Further venues join the same ring, books and journal with {@code feed(new VenueFeed("okx", "BTC-USDT").url(..))}.
 *
 * <p>{@link #conclude()} fills in the defaults that depend on other settings, validates every setting (an
 * {@link InvalidSettingException} names the setting and what it must be, before anything is created) and groups
 * them by concern into the immutable records each component takes: {@link #ring()}, {@link #books()},
 * {@link #journal()}, {@link #replay()}, {@link #threading()}, {@link #venueEndpoints()}, {@link #feedLimits()} and
 * {@link #webSockets()}; publishing over Aeron has a context of its own, {@link #publish()}. {@link Engine#launch}
 * concludes the context it is given. Not thread-safe: set it up on one thread, then launch; then it is the engine's.
 */
public final class EngineContext extends JournalDiskContext
{
    private static final int PENDING_MAX_LEVELS = 1 << 16;
    private static final int SNAPSHOT_SLOTS = 16;

    private File runDir = new File("fathom-run");
    private boolean journalEnabled = true;
    private File journalDir = new File("fathom-journal");
    private RetentionPolicy journalRetention = RetentionPolicy.NONE;
    private Duration journalSnapshotInterval = Duration.ofSeconds(60);
    private File replayJournal;
    private ReplaySpeed replaySpeed = ReplaySpeed.MAX;
    private int ringSize = 1 << 16;
    private int levelsPerEvent = 32;
    private Duration ringFullWait = Duration.ofMillis(100);
    private int bookCapacityPerSide = 2_048;
    private int pressureDepth = 10;
    private Duration shutdownTimeout = Duration.ofSeconds(5);
    private int metricsPort;
    private boolean metricsPerFeed;
    private Profile profile = Profile.BALANCED;
    private List<Integer> handlerCpus = List.of();
    private BookListener bookListener = BookListener.NONE;
    private BookStateListener bookStateListener = BookStateListener.NONE;
    private int viewDepth = ViewSettings.DEFAULT_DEPTH;
    private final PublishContext publish = new PublishContext();

    private RingSettings ring;
    private BookSettings books;
    private JournalSettings journal;
    private ReplaySettings replay;
    private ThreadingSettings threading;
    private boolean concluded;

    @Override
    EngineContext self()
    {
        return this;
    }

    /**
     * Validates every setting and groups them into the records the components take; may be called again after a
     * setting changes. Nothing is created: no thread, socket, file or directory. Returns this context.
     * @throws InvalidSettingException naming the first setting refused and what it must be.
     */
    public EngineContext conclude()
    {
        concluded = false;
        concludeFeeds();
        concludeVenueFeeds();
        concludeTransport();
        concludeScales();
        concludeJournalDisk();
        ContextChecks.requireValidEngine(this);
        ring = new RingSettings(ringSize, levelsPerEvent, ringFullWait);
        books = new BookSettings(bookCapacityPerSide, PENDING_MAX_LEVELS, pressureDepth, priceScale(), quantityScale());
        journal = new JournalSettings(journalEnabled, journalDir, journalRetention, journalSnapshotInterval, SNAPSHOT_SLOTS);
        replay = replayJournal == null ? null : new ReplaySettings(replayJournal, replaySpeed);
        threading = new ThreadingSettings(profile, handlerCpus, engineThreading());
        publish.conclude();
        concluded = true;
        return this;
    }

    /** Whether {@link #conclude()} has succeeded (and the groups are valid). */
    public boolean isConcluded()
    {
        return concluded;
    }

    /** The engine's own files (counters, latency log); default {@code fathom-run}. */
    public EngineContext runDir(final File runDir)
    {
        this.runDir = runDir;
        return this;
    }

    public File runDir()
    {
        return runDir;
    }

    /** Journal on (default) or off: off, nothing is written and the run can be neither replayed nor verified. */
    public EngineContext journal(final boolean enabled)
    {
        this.journalEnabled = enabled;
        return this;
    }

    public boolean journalEnabled()
    {
        return journalEnabled;
    }

    /** The journal's directory; default {@code fathom-journal}. */
    public EngineContext journalDir(final File journalDir)
    {
        this.journalDir = journalDir;
        return this;
    }

    public File journalDir()
    {
        return journalDir;
    }

    /** Which old journal files to delete; default: keep everything. */
    public EngineContext journalRetention(final RetentionPolicy journalRetention)
    {
        this.journalRetention = journalRetention;
        return this;
    }

    public RetentionPolicy journalRetention()
    {
        return journalRetention;
    }

    /** Journals a snapshot of every valid book this often, 100ms..24h (0s: never); default 60s. */
    public EngineContext journalSnapshotInterval(final Duration journalSnapshotInterval)
    {
        this.journalSnapshotInterval = journalSnapshotInterval;
        return this;
    }

    public Duration journalSnapshotInterval()
    {
        return journalSnapshotInterval;
    }

    /** A journal to replay through the book handler instead of connecting: no connection is made and the run ends when it has been replayed; the symbols must name its instruments. Default: none. */
    public EngineContext replayJournal(final File replayJournal)
    {
        this.replayJournal = replayJournal;
        return this;
    }

    public File replayJournal()
    {
        return replayJournal;
    }

    /** The pace of a journal replay; default {@link ReplaySpeed#MAX}. */
    public EngineContext replaySpeed(final ReplaySpeed replaySpeed)
    {
        this.replaySpeed = replaySpeed;
        return this;
    }

    public ReplaySpeed replaySpeed()
    {
        return replaySpeed;
    }

    /** Events the ring holds, a power of two in 1024..16777216; default 65536. */
    public EngineContext ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    public int ringSize()
    {
        return ringSize;
    }

    /** Levels one ring event carries, 1..1024; default 32. */
    public EngineContext levelsPerEvent(final int levelsPerEvent)
    {
        this.levelsPerEvent = levelsPerEvent;
        return this;
    }

    public int levelsPerEvent()
    {
        return levelsPerEvent;
    }

    /** How long a feed waits for ring space before it drops a message and resyncs its book, 1ms..10s; default 100ms. */
    public EngineContext ringFullWait(final Duration ringFullWait)
    {
        this.ringFullWait = ringFullWait;
        return this;
    }

    public Duration ringFullWait()
    {
        return ringFullWait;
    }

    /** Levels a book holds per side, 16..1000000; default 2048. */
    public EngineContext bookCapacityPerSide(final int bookCapacityPerSide)
    {
        this.bookCapacityPerSide = bookCapacityPerSide;
        return this;
    }

    public int bookCapacityPerSide()
    {
        return bookCapacityPerSide;
    }

    /** Levels per side in the volume pressure signal, 1..1000; default 10. */
    public EngineContext pressureDepth(final int pressureDepth)
    {
        this.pressureDepth = pressureDepth;
        return this;
    }

    public int pressureDepth()
    {
        return pressureDepth;
    }

    /** Deadline for the whole shutdown sequence, 100ms..10m; default 5s. */
    public EngineContext shutdownTimeout(final Duration shutdownTimeout)
    {
        this.shutdownTimeout = shutdownTimeout;
        return this;
    }

    public Duration shutdownTimeout()
    {
        return shutdownTimeout;
    }

    /** Serves the counters in Prometheus's text format on 127.0.0.1 at this port, 0 (off, the default) or 1..65535. */
    public EngineContext metricsPort(final int metricsPort)
    {
        this.metricsPort = metricsPort;
        return this;
    }

    public int metricsPort()
    {
        return metricsPort;
    }

    /** Also serves five series per feed at the metrics port; default false, so series stay bounded at any feed count. */
    public EngineContext metricsPerFeed(final boolean metricsPerFeed)
    {
        this.metricsPerFeed = metricsPerFeed;
        return this;
    }

    public boolean metricsPerFeed()
    {
        return metricsPerFeed;
    }

    /** How the handler threads wait; default {@link Profile#BALANCED}. */
    public EngineContext profile(final Profile profile)
    {
        this.profile = profile;
        return this;
    }

    public Profile profile()
    {
        return profile;
    }

    /** CPUs to pin the handler threads to under {@link Profile#LOW_LATENCY}: book handler, then journal; at most two. */
    public EngineContext handlerCpus(final List<Integer> handlerCpus)
    {
        this.handlerCpus = handlerCpus == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(handlerCpus));
        return this;
    }

    public List<Integer> handlerCpus()
    {
        return handlerCpus;
    }

    /** Told of every book change, on the book handler thread; default: nobody. */
    public EngineContext bookListener(final BookListener bookListener)
    {
        this.bookListener = bookListener;
        return this;
    }

    public BookListener bookListener()
    {
        return bookListener;
    }

    /** Told, on the book handler thread, when a book becomes valid or stops being valid; default: nobody. */
    public EngineContext bookStateListener(final BookStateListener bookStateListener)
    {
        this.bookStateListener = bookStateListener;
        return this;
    }

    public BookStateListener bookStateListener()
    {
        return bookStateListener;
    }

    /** Levels a side copied to each book's view once per batch that changed it, for readers on other threads; 1..65535. */
    public EngineContext viewDepth(final int viewDepth)
    {
        this.viewDepth = viewDepth;
        return this;
    }

    public int viewDepth()
    {
        return viewDepth;
    }

    /** Publishing the books over Aeron: off until a channel is set; checked by {@link #conclude()}. */
    public PublishContext publish()
    {
        return publish;
    }

    /** The ring's settings; valid after {@link #conclude()}. */
    public RingSettings ring()
    {
        return ContextChecks.requireConcluded(this, ring);
    }

    /** How books are kept; valid after {@link #conclude()}. */
    public BookSettings books()
    {
        return ContextChecks.requireConcluded(this, books);
    }

    /** Where and how the journal is written; valid after {@link #conclude()}. */
    public JournalSettings journal()
    {
        return ContextChecks.requireConcluded(this, journal);
    }

    /** The journal to replay instead of connecting, or null for the venue's feeds; valid after {@link #conclude()}. */
    public ReplaySettings replay()
    {
        return ContextChecks.requireConcluded(this, replay);
    }

    /** How the handler threads run; valid after {@link #conclude()}. */
    public ThreadingSettings threading()
    {
        return ContextChecks.requireConcluded(this, threading);
    }
}
