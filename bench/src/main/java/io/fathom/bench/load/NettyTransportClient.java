package io.fathom.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Netty's WebSocket client alone, the library the selector transport has to beat: native epoll with
 * {@code fathom.netty.threads} event loops (default 1, as the selector transport's default of one I/O
 * agent), pooled direct buffers, UTF-8 validation off, and each frame read in place from its
 * {@link ByteBuf} for the stream name and {@code u}, then released.
 */
final class NettyTransportClient extends DroppingClient
{
    private static final int CONNECTS_IN_FLIGHT = 32;
    private static final long CONNECT_TIMEOUT_S = 30;
    private static final int MAX_MESSAGE_BYTES = 1 << 20;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(
        Integer.getInteger("fathom.netty.threads", 1), EpollIoHandler.newFactory());
    private final List<Channel> channels = new ArrayList<>();

    NettyTransportClient(final Options options)
    {
        super(options);
        Epoll.ensureAvailability();
    }

    /** Counts, times and drops every text or binary message of one connection, on its event loop. */
    private final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame>
    {
        private final AtomicLong received = newReceivedCounter();

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
        {
            final long receivedNs = System.nanoTime();
            received.lazySet(received.get() + 1);
            final ByteBuf content = frame.content();
            recordApplied(streamIndex(content), lastUpdateId(content), receivedNs);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            System.err.println("transport-netty connection: " + cause);
            ctx.close();
        }
    }

    @Override
    void start()
    {
        final Bootstrap bootstrap = new Bootstrap()
            .group(group)
            .channel(EpollSocketChannel.class)
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .option(ChannelOption.TCP_NODELAY, true);
        for (int first = 0; first < options.connections(); first += CONNECTS_IN_FLIGHT)
        {
            final List<HandshakeWait> batch = new ArrayList<>();
            for (int i = first; i < Math.min(options.connections(), first + CONNECTS_IN_FLIGHT); i++)
            {
                final URI uri = URI.create(options.streamUrl(i));
                final HandshakeWait wait = new HandshakeWait();
                final ChannelFuture connect = bootstrap.clone().handler(new ChannelInitializer<>()
                {
                    @Override
                    protected void initChannel(final Channel ch)
                    {
                        ch.pipeline().addLast(
                            new HttpClientCodec(),
                            new HttpObjectAggregator(8192),
                            new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                .webSocketUri(uri)
                                .maxFramePayloadLength(MAX_MESSAGE_BYTES)
                                .withUTF8Validator(false)
                                .build()),
                            wait,
                            new WebSocketFrameAggregator(MAX_MESSAGE_BYTES),
                            new FrameHandler());
                    }
                }).connect(uri.getHost(), uri.getPort());
                channels.add(connect.channel());
                batch.add(wait);
            }
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONNECT_TIMEOUT_S);
            for (int i = 0; i < batch.size(); i++)
            {
                final Channel channel = channels.get(first + i);
                while (!batch.get(i).open)
                {
                    if (System.nanoTime() - deadlineNs > 0 || channel.closeFuture().isDone())
                    {
                        throw new IllegalStateException("cannot open " + options.streamUrl(first + i));
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        }
    }

    /** Notes the protocol handler's report that the opening handshake completed. */
    private static final class HandshakeWait extends ChannelInboundHandlerAdapter
    {
        volatile boolean open;

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
        {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
            {
                open = true;
            }
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    boolean ready()
    {
        for (final Channel channel : channels)
        {
            if (!channel.isActive())
            {
                return false;
            }
        }
        return true;
    }

    @Override
    ObjectNode shutdown()
    {
        final long startNs = System.nanoTime();
        for (final Channel channel : channels)
        {
            channel.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        return JSON.createObjectNode().put("shutdown_us", TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNs));
    }

    /** The index in {@code {"stream":"sym<index>@...}, or -1. */
    static int streamIndex(final ByteBuf frame)
    {
        int index = 0;
        int digits = 0;
        for (int i = frame.readerIndex() + "{\"stream\":\"sym".length(), end = frame.writerIndex(); i < end; i++)
        {
            final int c = frame.getByte(i);
            if (c < '0' || c > '9')
            {
                break;
            }
            index = index * 10 + (c - '0');
            digits++;
        }
        return digits == 0 ? -1 : index;
    }

    /** The value of the first {@code ,"u":} field, or -1. */
    static long lastUpdateId(final ByteBuf frame)
    {
        final int limit = frame.writerIndex();
        for (int i = frame.readerIndex(), end = limit - 5; i < end; i++)
        {
            if (frame.getByte(i) == ',' && frame.getByte(i + 1) == '"' && frame.getByte(i + 2) == 'u' &&
                frame.getByte(i + 3) == '"' && frame.getByte(i + 4) == ':')
            {
                long value = 0;
                for (int j = i + 5; j < limit; j++)
                {
                    final int c = frame.getByte(j);
                    if (c < '0' || c > '9')
                    {
                        return value;
                    }
                    value = value * 10 + (c - '0');
                }
            }
        }
        return -1;
    }
}
