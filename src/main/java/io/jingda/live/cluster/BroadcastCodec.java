package io.jingda.live.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingda.live.protocol.Audience;
import io.jingda.live.protocol.Messages;
import io.jingda.live.protocol.Personal;
import io.jingda.live.protocol.PlayerFrames;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@link io.jingda.live.protocol.Fanout} call as one message on a contest's channel, and back:
 * the owner publishes each broadcast once, with every participant's {@link Personal} part as a row of
 * numbers ({@code [participantId, answered, correct, points, streak, score, rank]}), and each node
 * renders the frames of its own sockets from it. Pure: tested without Redis.
 */
final class BroadcastCodec {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BroadcastCodec() {
    }

    /** A decoded message: which node sent it, and the call to replay on this node's connections. */
    sealed interface Call {
        String origin();
    }

    record Broadcast(String origin, Audience audience, String frame) implements Call {
    }

    record ToPlayers(String origin, PlayerFrames frames) implements Call {
    }

    record Supersede(String origin) implements Call {
    }

    record Disconnect(String origin, long participantId, String lastFrame, String reason) implements Call {
    }

    record CloseContest(String origin, String reason) implements Call {
    }

    static String broadcast(String origin, Audience audience, String frame) {
        return write(g -> {
            head(g, "b", origin);
            g.writeStringField("a", audience.name());
            g.writeStringField("f", frame);
        });
    }

    static String supersede(String origin) {
        return write(g -> head(g, "sup", origin));
    }

    static String disconnect(String origin, long participantId, String lastFrame, String reason) {
        return write(g -> {
            head(g, "kick", origin);
            g.writeNumberField("p", participantId);
            if (lastFrame != null) {
                g.writeStringField("f", lastFrame);
            }
            g.writeStringField("r", reason);
        });
    }

    static String closeContest(String origin, String reason) {
        return write(g -> {
            head(g, "end", origin);
            g.writeStringField("r", reason);
        });
    }

    static String toPlayers(String origin, PlayerFrames frames) {
        return toPlayersOn(origin, -1, frames);
    }

    /** A broadcast to the participants one node holds, on that node's channel ({@code contestId} named in it, as "k"). */
    static String toPlayersOn(String origin, long contestId, PlayerFrames frames) {
        return write(g -> {
            if (frames instanceof PlayerFrames.Same s) {
                head(g, "same", origin);
                contest(g, contestId);
                g.writeStringField("f", s.frame());
                g.writeBooleanField("s", s.supersedesClosed());
            } else if (frames instanceof PlayerFrames.Closed c) {
                head(g, "closed", origin);
                contest(g, contestId);
                g.writeStringField("f", c.frame());
            } else if (frames instanceof PlayerFrames.ShuffledQuestion q) {
                head(g, "shuffled", origin);
                contest(g, contestId);
                g.writeNumberField("c", q.contestId());
                g.writeFieldName("q");
                MAPPER.writeValue(g, q.question());
            } else {
                PlayerFrames.WithYou w = (PlayerFrames.WithYou) frames;
                head(g, "you", origin);
                contest(g, contestId);
                g.writeStringField("f", w.shared());
                g.writeBooleanField("s", w.supersedesClosed());
                g.writeArrayFieldStart("y");
                for (Map.Entry<Long, Personal> e : w.you().entrySet()) {
                    Personal p = e.getValue();
                    g.writeStartArray();
                    g.writeNumber(e.getKey());
                    bool(g, p.answered());
                    bool(g, p.correct());
                    integer(g, p.points());
                    integer(g, p.streak());
                    g.writeNumber(p.score());
                    integer(g, p.rank());
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
        });
    }

    /** A decoded message and the contest it names ({@code -1} on a contest's own channel, which names it). */
    record Addressed(long contestId, Call call) {
    }

    static Addressed readAddressed(String text) throws IOException {
        JsonNode n = MAPPER.readTree(text);
        return new Addressed(n.path("k").asLong(-1), read(n));
    }

    static Call read(String text) throws IOException {
        return read(MAPPER.readTree(text));
    }

    private static Call read(JsonNode n) throws IOException {
        String origin = n.path("o").asText();
        return switch (n.path("op").asText()) {
            case "b" -> new Broadcast(origin, Audience.valueOf(n.path("a").asText()), n.path("f").asText());
            case "sup" -> new Supersede(origin);
            case "kick" -> new Disconnect(origin, n.path("p").asLong(), n.hasNonNull("f") ? n.get("f").asText() : null,
                    n.path("r").asText());
            case "end" -> new CloseContest(origin, n.path("r").asText());
            case "same" -> new ToPlayers(origin, new PlayerFrames.Same(n.path("f").asText(), n.path("s").asBoolean()));
            case "closed" -> new ToPlayers(origin, new PlayerFrames.Closed(n.path("f").asText()));
            case "shuffled" -> new ToPlayers(origin, new PlayerFrames.ShuffledQuestion(n.path("c").asLong(),
                    MAPPER.treeToValue(n.get("q"), Messages.Question.class)));
            case "you" -> {
                JsonNode rows = n.path("y");
                Map<Long, Personal> you = new HashMap<>(rows.size() * 4 / 3 + 1);
                for (JsonNode r : rows) {
                    you.put(r.get(0).asLong(), new Personal(bool(r.get(1)), bool(r.get(2)), integer(r.get(3)),
                            integer(r.get(4)), r.get(5).asLong(), integer(r.get(6))));
                }
                yield new ToPlayers(origin, new PlayerFrames.WithYou(n.path("f").asText(), you, n.path("s").asBoolean()));
            }
            default -> throw new IOException("unknown broadcast '" + n.path("op").asText() + "'");
        };
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void head(JsonGenerator g, String op, String origin) throws IOException {
        g.writeStringField("op", op);
        g.writeStringField("o", origin);
    }

    private static void contest(JsonGenerator g, long contestId) throws IOException {
        if (contestId >= 0) {
            g.writeNumberField("k", contestId);
        }
    }

    private static void bool(JsonGenerator g, Boolean b) throws IOException {
        if (b == null) {
            g.writeNull();
        } else {
            g.writeBoolean(b);
        }
    }

    private static void integer(JsonGenerator g, Integer i) throws IOException {
        if (i == null) {
            g.writeNull();
        } else {
            g.writeNumber(i);
        }
    }

    private static Boolean bool(JsonNode n) {
        return n == null || n.isNull() ? null : n.asBoolean();
    }

    private static Integer integer(JsonNode n) {
        return n == null || n.isNull() ? null : n.asInt();
    }
}
