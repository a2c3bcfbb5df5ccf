package io.jingda.live.socket;

import io.jingda.live.protocol.Audience;
import io.jingda.live.protocol.Frames;
import io.jingda.live.protocol.Messages;
import io.jingda.live.protocol.Personal;
import io.jingda.live.protocol.PlayerFrames;
import io.jingda.live.protocol.Utf8Frame;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Broadcasts to more participants than one slice, over two event loops: each gets every frame, in order. */
class LocalFanoutTest {
    private final List<EventLoop> loops = List.of(new DefaultEventLoop(), new DefaultEventLoop());
    /** What each fake connection was sent, and on which thread. */
    private final Map<Long, List<String>> received = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> threads = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        loops.forEach(l -> l.shutdownGracefully(0, 1, TimeUnit.SECONDS));
    }

    private WebSocketConnection connection(long pid) {
        return connection(pid, userData());
    }

    /** A connection's user data: a map. */
    private UserData userData() {
        Map<String, Object> map = new ConcurrentHashMap<>();
        return (UserData) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{UserData.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> map.get(((UserData.TypedKey<?>) args[0]).value());
                    case "put" -> map.put(((UserData.TypedKey<?>) args[0]).value(), args[1]);
                    case "remove" -> map.remove(((UserData.TypedKey<?>) args[0]).value());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private WebSocketConnection connection(long pid, UserData data) {
        received.put(pid, new CopyOnWriteArrayList<>());
        threads.put(pid, new CopyOnWriteArrayList<>());
        return (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "userData" -> data;
                    case "isOpen" -> true;
                    case "isClosed" -> false;
                    case "id" -> "c" + pid;
                    case "sendText" -> {
                        received.get(pid).add((String) args[0]);
                        threads.get(pid).add(Thread.currentThread().getName());
                        yield Uni.createFrom().voidItem();
                    }
                    case "hashCode" -> (int) pid;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void everyParticipantGetsEveryFrameInOrderFromItsOwnLoop() {
        LocalFanout fanout = new LocalFanout();
        int players = LocalFanout.SLICE * 4 + 7; // several slices on each loop
        Map<Long, String> loopThread = new ConcurrentHashMap<>();
        for (long pid = 1; pid <= players; pid++) {
            EventLoop loop = loops.get((int) (pid % 2));
            fanout.addPlayer(9, pid, connection(pid), loop);
            long id = pid;
            loop.submit(() -> loopThread.put(id, Thread.currentThread().getName())).syncUninterruptibly();
        }
        fanout.broadcast(9, Audience.PLAYERS, "one");
        fanout.toPlayers(9, new PlayerFrames.WithYou("{\"two\":2}", personal(players, pid -> pid % 10 != 0), false));
        fanout.broadcast(9, Audience.PLAYERS, "three");

        await().atMost(10, TimeUnit.SECONDS).until(() -> received.values().stream().mapToInt(List::size).sum()
                == players * 3 - players / 10);
        for (long pid = 1; pid <= players; pid++) {
            List<String> expected = new ArrayList<>(List.of("one"));
            if (pid % 10 != 0) {
                expected.add("{\"two\":2,\"you\":{\"score\":" + pid + "}}");
            }
            expected.add("three");
            assertThat(received.get(pid)).as("participant %d", pid).containsExactlyElementsOf(expected);
            assertThat(threads.get(pid)).as("sent from the participant's own loop").containsOnly(loopThread.get(pid));
        }
    }

    @Test
    void framesPilingUpForAParticipantGoOutTogether() throws Exception {
        LocalFanout fanout = new LocalFanout();
        EventLoop loop = loops.get(0);
        Map<Long, List<List<String>>> writes = new ConcurrentHashMap<>();
        int players = LocalFanout.SLICE + 3;
        for (long pid = 1; pid <= players; pid++) {
            long id = pid;
            writes.put(pid, new CopyOnWriteArrayList<>());
            fanout.addPlayer(4, pid, connection(pid), loop, frames -> writes.get(id).add(texts(frames)));
        }
        CountDownLatch hold = new CountDownLatch(1);
        loop.submit(() -> hold.await(10, TimeUnit.SECONDS)); // the loop is busy while both are posted
        fanout.broadcast(4, Audience.PLAYERS, "reveal");
        fanout.toPlayers(4, new PlayerFrames.WithYou("{\"lb\":1}", personal(players, pid -> true), true));
        hold.countDown();
        await().atMost(10, TimeUnit.SECONDS).until(() -> writes.values().stream().allMatch(w -> !w.isEmpty()));

        for (long pid = 1; pid <= players; pid++) {
            assertThat(writes.get(pid)).as("participant %d", pid).containsExactly(List.of("reveal",
                    "{\"lb\":1,\"you\":{\"score\":" + pid + "}}"));
        }
        // once served, a participant's next frame goes out on its own
        fanout.broadcast(4, Audience.PLAYERS, "next");
        await().atMost(10, TimeUnit.SECONDS).until(() -> writes.values().stream().allMatch(w -> w.size() == 2));
        assertThat(writes.get(1L).get(1)).containsExactly("next");
    }

    private static List<String> texts(List<Utf8Frame> frames) {
        return frames.stream().map(Utf8Frame::text).toList();
    }

    /** Each participant's part: their id as their score, for those the filter keeps. */
    private static Map<Long, Personal> personal(int players, java.util.function.LongPredicate who) {
        Map<Long, Personal> out = new java.util.HashMap<>();
        for (long pid = 1; pid <= players; pid++) {
            if (who.test(pid)) {
                out.put(pid, Personal.standing(pid, null));
            }
        }
        return out;
    }

    @Test
    void aClosedFrameNotYetWrittenIsDroppedWhenARevealFollowsButNotWhenAStatusDoes() throws Exception {
        LocalFanout fanout = new LocalFanout();
        EventLoop loop = loops.get(0);
        Map<Long, List<String>> writes = new ConcurrentHashMap<>();
        for (long pid = 1; pid <= 3; pid++) {
            long id = pid;
            writes.put(pid, new CopyOnWriteArrayList<>());
            fanout.addPlayer(5, pid, connection(pid), loop, frames -> writes.get(id).addAll(texts(frames)));
        }
        CountDownLatch hold = new CountDownLatch(1);
        loop.submit(() -> hold.await(10, TimeUnit.SECONDS));
        fanout.toPlayers(5, new PlayerFrames.Closed("closed"));
        fanout.broadcast(5, Audience.PLAYERS, "status");
        fanout.toPlayers(5, new PlayerFrames.WithYou("{\"reveal\":1}", personal(3, pid -> true), true));
        hold.countDown();
        await().atMost(10, TimeUnit.SECONDS).until(() -> writes.values().stream().allMatch(w -> w.size() == 2));
        assertThat(writes.get(2L)).containsExactly("status", "{\"reveal\":1,\"you\":{\"score\":2}}");

        // the engine moving on supersedes it too, before the reveal itself is posted
        CountDownLatch hold2 = new CountDownLatch(1);
        loop.submit(() -> hold2.await(10, TimeUnit.SECONDS));
        fanout.toPlayers(5, new PlayerFrames.Closed("closed-early"));
        fanout.supersedeClosed(5);
        hold2.countDown();
        fanout.broadcast(5, Audience.PLAYERS, "marker");
        await().atMost(10, TimeUnit.SECONDS).until(() -> writes.values().stream().allMatch(w -> w.size() == 3));
        assertThat(writes.get(3L).get(2)).isEqualTo("marker");
        writes.values().forEach(List::clear);
        writes.values().forEach(w -> w.addAll(List.of("a", "b")));

        // written before anything superseded it: it stays
        fanout.toPlayers(5, new PlayerFrames.Closed("closed"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> writes.values().stream().allMatch(w -> w.size() == 3));
        fanout.broadcast(5, Audience.PLAYERS, "status");
        await().atMost(10, TimeUnit.SECONDS).until(() -> writes.values().stream().allMatch(w -> w.size() == 4));
        assertThat(writes.get(1L).subList(2, 4)).containsExactly("closed", "status");
    }

    /**
     * A long broadcast must not keep the loop from its sockets: on a Netty NIO loop, a task that
     * re-queued itself with execute() would run up to 64 times before the loop read again.
     */
    @Test
    void theLoopReadsItsSocketsBetweenSlices() throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try (Socket client = new Socket()) {
            EventLoop loop = group.next();
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger sentWhenRead = new AtomicInteger(-1);
            CountDownLatch accepted = new CountDownLatch(1);
            Channel server = new ServerBootstrap().group(group, group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelActive(ChannelHandlerContext ctx) {
                            accepted.countDown();
                        }

                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            sentWhenRead.compareAndSet(-1, sent.get());
                            ReferenceCountUtil.release(msg);
                        }
                    }).bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            client.connect(server.localAddress());
            assertThat(accepted.await(10, TimeUnit.SECONDS)).isTrue();

            LocalFanout fanout = new LocalFanout();
            int players = LocalFanout.SLICE * 10;
            for (long pid = 1; pid <= players; pid++) {
                fanout.addPlayer(5, pid, connection(pid), loop, frames -> {
                    if (sent.incrementAndGet() == 1) {
                        answer(client); // an answer arrives while the broadcast is going out
                    }
                });
            }
            fanout.broadcast(5, Audience.PLAYERS, "reveal");

            await().atMost(10, TimeUnit.SECONDS).until(() -> sent.get() == players);
            await().atMost(10, TimeUnit.SECONDS).until(() -> sentWhenRead.get() >= 0);
            assertThat(sentWhenRead.get()).as("frames sent when the loop read the socket").isLessThan(players);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private static void answer(Socket client) {
        try {
            client.getOutputStream().write(1);
            client.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aConnectionOpenedOffTheLoopsIsServedByTheCaller() {
        LocalFanout fanout = new LocalFanout();
        fanout.addPlayer(3, 1, connection(1));
        fanout.broadcast(3, Audience.PLAYERS, "hello");
        assertThat(received.get(1L)).containsExactly("hello");
        assertThat(threads.get(1L)).containsExactly(Thread.currentThread().getName());
    }

    /**
     * A client that stopped reading: lobby and progress frames (the next one supersedes them) are
     * dropped instead of queued; every other frame still goes out, and once it reads again so do
     * lobby frames.
     */
    @Test
    void whileAConnectionIsUnwritableOnlySupersededFramesAreDropped() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        channel.write(Unpooled.wrappedBuffer(new byte[64])); // not flushed: the client does not read
        assertThat(channel.isWritable()).isFalse();
        UserData data = userData();
        data.put(SocketLimits.CHANNEL, channel);
        LocalFanout fanout = new LocalFanout();
        fanout.addPlayer(6, 1, connection(1, data));
        String lobby = Frames.json(new Messages.Lobby(3));
        String progress = "{\"type\":\"progress\",\"questionId\":\"q\",\"answered\":1,\"participants\":3}";
        fanout.broadcast(6, Audience.PLAYERS, lobby);
        fanout.broadcast(6, Audience.PLAYERS, progress);
        fanout.broadcast(6, Audience.PLAYERS, "{\"type\":\"question\"}");
        assertThat(received.get(1L)).containsExactly("{\"type\":\"question\"}");

        channel.flush();
        assertThat(channel.isWritable()).isTrue();
        fanout.broadcast(6, Audience.PLAYERS, lobby);
        assertThat(received.get(1L)).containsExactly("{\"type\":\"question\"}", lobby);
        channel.finishAndReleaseAll();
    }

    /** The frames are recognised by their opening: the records serialise {@code type} first. */
    @Test
    void lobbyAndProgressFramesOpenWithTheirType() {
        assertThat(Messages.Lobby.class.getRecordComponents()[0].getName()).isEqualTo("type");
        assertThat(Messages.Progress.class.getRecordComponents()[0].getName()).isEqualTo("type");
        assertThat(SocketLimits.superseded(Frames.json(new Messages.Lobby(3)))).isTrue();
        assertThat(SocketLimits.superseded("{\"type\":\"reveal\"}")).isFalse();
    }
}
