package io.fathom.tools.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fathom.codec.binance.BinanceMarket;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The simulator's REST endpoint for the Binance venues: the depth snapshot {@code GET <path>?symbol=S&limit=N}
 * at spot's {@code /api/v3/depth} (limit default 100, above 5000 truncated to 5000), USD-M's
 * {@code /fapi/v1/depth} or COIN-M's {@code /dapi/v1/depth} (default 500, above 1000 truncated to 1000;
 * the body also carries {@code E} and {@code T}), plus {@code ping}, {@code time} and {@code exchangeInfo} beside it.
 * The other venues send snapshots on the stream; for them only the instrument metadata endpoint is served
 * ({@link SimInstrumentMetadata}) and every other path is 404.
 * Errors are HTTP 400 with Binance's {@code {"code":..,"msg":..}} body. The snapshot is taken on the
 * generator thread between two diffs, so its {@code lastUpdateId} is exactly the book's id at that instant.
 *
 * <p>{@link SimFaults}: every depth request is recorded on arrival, and may be answered 429; a slow-REST
 * response is handed to a delay thread and completed from there, so the dispatcher is never held up and
 * any number of delayed requests wait side by side.
 */
final class SimRestServer implements AutoCloseable
{
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 5_000;
    static final int FUTURES_DEFAULT_LIMIT = 500;
    static final int FUTURES_MAX_LIMIT = 1_000;
    private static final long DELAY_THREAD_JOIN_TIMEOUT_MS = 2_000;
    private static final long SNAPSHOT_TIMEOUT_MS = 2_000;
    private static final String JSON = "application/json;charset=UTF-8";
    private static final String LIMIT_PATTERN = "[0-9]{1,20}";
    private static final String SYMBOL_PATTERN = "[A-Z0-9-_.]{1,20}";

    static
    {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle and delayed
        // ACKs hold every response on a kept-alive connection for ~40 ms. Read once, at first use.
        if (System.getProperty("sun.net.httpserver.nodelay") == null)
        {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final SimGeneratorAgent agent;
    private final SimFaults faults;
    private final SimSymbols symbols;
    private final String depthPath;
    private final String pingPath;
    private final String timePath;
    private final String exchangeInfoPath;
    private final int defaultLimit;
    private final int maxLimit;
    private final ScheduledThreadPoolExecutor delayScheduler;
    private final SimInstrumentMetadata metadata;

    /**
     * Binds at once, so a taken port fails here; serving starts with {@link #start()}. The delay thread
     * starts only when a first response is delayed.
     */
    SimRestServer(
        final InetSocketAddress address, final SimGeneratorAgent agent, final SimFaults faults, final SimSymbols symbols)
        throws IOException
    {
        this.agent = agent;
        this.faults = faults;
        this.symbols = symbols;
        final BinanceMarket market = BinanceMarket.forVenue(symbols.venue());
        this.depthPath = market == null ? null : market.depthPath();
        final String base = depthPath == null ? null : depthPath.substring(0, depthPath.lastIndexOf('/') + 1);
        this.pingPath = base == null ? null : base + "ping";
        this.timePath = base == null ? null : base + "time";
        this.exchangeInfoPath = base == null ? null : base + "exchangeInfo";
        final boolean futures = market != null && market.hasPreviousUpdateId();
        this.defaultLimit = futures ? FUTURES_DEFAULT_LIMIT : DEFAULT_LIMIT;
        this.maxLimit = futures ? FUTURES_MAX_LIMIT : MAX_LIMIT;
        this.metadata = new SimInstrumentMetadata(symbols);
        this.server = HttpServer.create(address, 0);
        this.delayScheduler = new ScheduledThreadPoolExecutor(1, (runnable) ->
        {
            final Thread thread = new Thread(runnable, "fathom-sim-rest-delay");
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", this::handle);
    }

    void start()
    {
        server.start();
    }

    int port()
    {
        return server.getAddress().getPort();
    }

    /**
     * Stops accepting, closes open exchanges (delayed ones unanswered) and joins the dispatcher and delay
     * threads.
     */
    public void close()
    {
        server.stop(0);
        delayScheduler.shutdownNow();
        try
        {
            delayScheduler.awaitTermination(DELAY_THREAD_JOIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        boolean tooManyRequests = false;
        if (isDepth(exchange.getRequestURI().getPath()))
        {
            faults.recordRestRequest();
            tooManyRequests = faults.takeTooManyRequests();
        }
        final long delayNs = faults.takeRestDelayNs();
        if (delayNs <= 0)
        {
            serve(exchange, tooManyRequests);
            return;
        }
        final boolean answerTooManyRequests = tooManyRequests;
        try
        {
            delayScheduler.schedule(() -> serveDelayed(exchange, answerTooManyRequests), delayNs, TimeUnit.NANOSECONDS);
        }
        catch (final RejectedExecutionException ex)
        {
            exchange.close();
        }
    }

    private void serveDelayed(final HttpExchange exchange, final boolean tooManyRequests)
    {
        try
        {
            serve(exchange, tooManyRequests);
        }
        catch (final IOException ignore)
        {
            // the client gave up waiting and closed the connection
        }
    }

    private void serve(final HttpExchange exchange, final boolean tooManyRequests) throws IOException
    {
        try (exchange)
        {
            final String path = exchange.getRequestURI().getPath();
            if (tooManyRequests)
            {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(faults.retryAfterSeconds()));
                respond(exchange, 429,
                    binanceError(SimFaults.TOO_MANY_REQUESTS_CODE, SimFaults.TOO_MANY_REQUESTS_MESSAGE));
            }
            else if (metadata.serves(path))
            {
                final SimInstrumentMetadata.Answer answer = metadata.answer(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestBody().readAllBytes());
                respond(exchange, answer.status(), answer.body());
            }
            else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod()))
            {
                respond(exchange, 405, binanceError(-1000, "Unsupported method."));
            }
            else if (isDepth(path))
            {
                depth(exchange);
            }
            else if (path.equals(pingPath))
            {
                respond(exchange, 200, "{}");
            }
            else if (path.equals(exchangeInfoPath))
            {
                exchangeInfo(exchange);
            }
            else if (path.equals(timePath))
            {
                respond(exchange, 200, "{\"serverTime\":" + System.currentTimeMillis() + "}");
            }
            else
            {
                respond(exchange, 404, "");
            }
        }
    }

    private void depth(final HttpExchange exchange) throws IOException
    {
        final String query = exchange.getRequestURI().getRawQuery();
        final String symbol = parameter(query, "symbol");
        if (symbol == null || symbol.isEmpty())
        {
            respond(exchange, 400, binanceError(-1102,
                "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."));
            return;
        }
        if (!symbol.matches(SYMBOL_PATTERN))
        {
            respond(exchange, 400, binanceError(-1100,
                "Illegal characters found in parameter 'symbol'; legal range is '^[A-Z0-9-_.]{1,20}$'."));
            return;
        }
        final int symbolIndex = symbols.indexOf(symbol);
        if (symbolIndex < 0)
        {
            respond(exchange, 400, binanceError(-1121, "Invalid symbol."));
            return;
        }

        final String limitText = parameter(query, "limit");
        int limit = defaultLimit;
        if (limitText != null)
        {
            if (!limitText.matches(LIMIT_PATTERN))
            {
                respond(exchange, 400, binanceError(-1100,
                    "Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'."));
                return;
            }
            limit = limitText.length() > 9 ? maxLimit : Math.max(1, Math.min(maxLimit, Integer.parseInt(limitText)));
        }

        final CompletableFuture<byte[]> body = new CompletableFuture<>();
        final int snapshotLimit = limit;
        if (!agent.submit(() -> agent.onSnapshot(symbolIndex, snapshotLimit, body)))
        {
            respond(exchange, 503, binanceError(-1001, "Internal error; unable to process your request. Please try again."));
            return;
        }
        try
        {
            respond(exchange, 200, body.get(SNAPSHOT_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            respond(exchange, 503, binanceError(-1001, "Internal error; unable to process your request. Please try again."));
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            respond(exchange, 503, binanceError(-1001, "Internal error; unable to process your request. Please try again."));
        }
    }

    /** Binance's {@code exchangeInfo}, all instruments or those of {@code ?symbol=S} / {@code ?symbols=["A","B"]}. */
    private void exchangeInfo(final HttpExchange exchange) throws IOException
    {
        final String query = exchange.getRequestURI().getRawQuery();
        final String symbol = parameter(query, "symbol");
        final String list = parameter(query, "symbols");
        final List<Integer> indices = new ArrayList<>();
        if (symbol == null && list == null)
        {
            for (int i = 0; i < symbols.count(); i++)
            {
                indices.add(i);
            }
        }
        else if (symbol != null && list != null)
        {
            respond(exchange, 400, binanceError(-1128, "Combination of optional parameters invalid."));
            return;
        }
        else
        {
            final String[] names = symbol != null ? new String[] {symbol} : listedSymbols(list);
            for (final String name : names)
            {
                final int index = name == null ? -1 : symbols.indexOf(name);
                if (index < 0)
                {
                    respond(exchange, 400, binanceError(-1121, "Invalid symbol."));
                    return;
                }
                indices.add(index);
            }
        }
        respond(exchange, 200, SimExchangeInfo.body(symbols, indices, System.currentTimeMillis()));
    }

    /** The names of a {@code symbols} parameter, a JSON array of strings; a null element when malformed. */
    private static String[] listedSymbols(final String list)
    {
        final String trimmed = list.trim();
        if (trimmed.length() < 2 || trimmed.charAt(0) != '[' || trimmed.charAt(trimmed.length() - 1) != ']')
        {
            return new String[] {null};
        }
        final String[] names = trimmed.substring(1, trimmed.length() - 1).split(",", -1);
        for (int i = 0; i < names.length; i++)
        {
            final String name = names[i].trim();
            names[i] = name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") ?
                name.substring(1, name.length() - 1) : null;
        }
        return names;
    }

    /**
     * @return the first value of {@code name} in a raw query string, URL-decoded; null when absent.
     */
    static String parameter(final String rawQuery, final String name)
    {
        if (rawQuery == null)
        {
            return null;
        }
        for (final String pair : rawQuery.split("&"))
        {
            final int equals = pair.indexOf('=');
            final String key = equals < 0 ? pair : pair.substring(0, equals);
            if (name.equals(key))
            {
                try
                {
                    return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
                catch (final IllegalArgumentException ex)
                {
                    return "\u0000";
                }
            }
        }
        return null;
    }

    private boolean isDepth(final String path)
    {
        return depthPath != null && depthPath.equals(path);
    }

    static String binanceError(final int code, final String message)
    {
        return "{\"code\":" + code + ",\"msg\":\"" + message + "\"}";
    }

    private static void respond(final HttpExchange exchange, final int status, final String body) throws IOException
    {
        respond(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(final HttpExchange exchange, final int status, final byte[] body) throws IOException
    {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        final boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0)
        {
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(body);
            }
        }
    }
}
