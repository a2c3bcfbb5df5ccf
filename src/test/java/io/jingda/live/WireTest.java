package io.jingda.live;

import io.netty.channel.DefaultEventLoop;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WireTest {

    /** Fails when a Quarkus upgrade moves the Vert.x WebSocket out of reach: frames would be flushed one by one. */
    @Test
    void theChannelOfAWebSocketsNextConnectionIsReachable() throws Exception {
        assertThat(Wire.Netty.available()).isTrue();
        Class<?> impl = Class.forName("io.quarkus.websockets.next.runtime.WebSocketConnectionImpl");
        assertThat(WebSocketConnection.class).isAssignableFrom(impl);
    }

    @Test
    void aConnectionWithoutAChannelIsSentTheFramesOneByOne() {
        List<String> sent = new ArrayList<>();
        WebSocketConnection c = (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> true;
                    case "sendText" -> {
                        sent.add((String) args[0]);
                        yield Uni.createFrom().voidItem();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            Wire.onLoop(c, loop).send(List.of("reveal", "leaderboard"));
            assertThat(sent).containsExactly("reveal", "leaderboard");
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
