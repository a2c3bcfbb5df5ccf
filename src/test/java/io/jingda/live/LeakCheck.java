package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/** Asserts that nothing a participant or the screen has received so far gives away a question's answer. */
final class LeakCheck {
    private static final List<String> FORBIDDEN_KEYS = List.of("correct", "answer", "answers", "explanation", "isCorrect",
            "tolerance", "source", "points", "distribution", "combinations");

    private LeakCheck() {
    }

    static void assertNothingGivesAway(LiveContestTest.Q q, List<WsClient> clients) {
        for (WsClient c : clients) {
            List<JsonNode> frames = c.all();
            for (JsonNode f : frames) {
                String type = f.path("type").asText();
                if (type.equals("reveal") && f.path("questionId").asText().equals(q.id())) {
                    fail("a reveal of " + q.id() + " arrived before the host revealed it");
                }
                if (mentions(f, q.id())) {
                    // a frame about this question: no key that could carry the answer, anywhere inside
                    List<String> keys = new ArrayList<>();
                    JsonNode checked = f;
                    if (type.equals("question")) {
                        // the question's own points (the same for everyone, shown before it opens) say nothing
                        // of the answer; a "points" anywhere else (a participant's) would
                        checked = ((com.fasterxml.jackson.databind.node.ObjectNode) f.deepCopy()).without("points");
                    }
                    collectKeys(checked, keys);
                    for (String k : FORBIDDEN_KEYS) {
                        assertFalse(keys.contains(k), "frame " + f + " has key '" + k + "'");
                    }
                }
                String text = f.toString();
                if (q.explanation() != null) {
                    assertFalse(text.contains(q.explanation()), "the explanation leaked: " + f);
                }
                if (q.type().equals("text")) {
                    q.answer().forEach(a -> assertFalse(text.contains(a.asText()), "an accepted text leaked: " + f));
                }
                if (q.type().equals("numeric")) {
                    assertFalse(f.has("answer") || text.contains("\"value\""), f.toString());
                }
            }
            // every option id occurs equally often: no id is marked by an extra mention
            if (q.optionIds() != null && !q.optionIds().isEmpty()) {
                Map<String, Integer> counts = new TreeMap<>();
                String all = String.join("\n", c.frames);
                for (String id : q.optionIds()) {
                    counts.put(id, occurrences(all, "\"" + id + "\""));
                }
                assertEquals(1, counts.values().stream().distinct().count(), "option ids mentioned unevenly: " + counts);
                // the correct option is not always first: the canonical order was shuffled at snapshot time
            }
        }
    }

    private static boolean mentions(JsonNode f, String questionId) {
        return f.toString().contains("\"" + questionId + "\"");
    }

    private static void collectKeys(JsonNode n, List<String> out) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(e.getKey());
                collectKeys(e.getValue(), out);
            }
        } else if (n.isArray()) {
            n.forEach(x -> collectKeys(x, out));
        }
    }

    private static int occurrences(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
