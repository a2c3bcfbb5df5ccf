package io.jingda.contest;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jingda.question.Question;
import io.jingda.question.QuestionType;
import io.jingda.question.SourceDto;
import io.jingda.scoring.AnswerKey;
import io.jingda.system.JsonText;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Copies bank questions into a contest (the snapshot), and turns the copy into its live form. */
public final class ContestQuestionMapper {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    static final String TRUE_TEXT = "正确";
    static final String FALSE_TEXT = "错误";

    private ContestQuestionMapper() {
    }

    /**
     * The snapshot of one bank question. Option ids are random and the canonical option order is
     * shuffled here, so neither an id nor a position can hint at the answer. True/false keeps the
     * fixed order (true, false), which is the same for every question and so implies nothing.
     */
    static ContestQuestion snapshot(long contestId, int idx, Question q, Integer timeLimitOverride,
                                    String sourceTitle, double multiplier) {
        ContestQuestion c = new ContestQuestion();
        c.contestId = contestId;
        c.idx = idx;
        c.publicId = randomId(8);
        c.bankId = q.id;
        c.type = q.type;
        c.stem = q.stem;
        c.tolerance = q.tolerance;
        c.explanation = q.explanation;
        c.sourceReport = q.sourceReport;
        c.sourceExcerpt = q.sourceExcerpt;
        c.sourceUrl = q.sourceUrl;
        c.sourceTitle = q.sourceReport == null ? null : sourceTitle;
        c.timeLimit = timeLimitOverride != null ? timeLimitOverride : q.timeLimit;
        c.points = q.points;
        c.multiplier = multiplier;
        c.image = q.image;
        JsonNode answer = JsonText.tree(q.answer);
        switch (q.type) {
            case SINGLE, MULTIPLE, ORDERING, POLL -> {
                // each option keeps its picture through the shuffle
                java.util.Map<String, String> images = new java.util.HashMap<>();
                for (int i = 0; q.optionImages != null && i < q.optionImages.size() && i < q.options.size(); i++) {
                    if (q.optionImages.get(i) != null) {
                        images.put(q.options.get(i), q.optionImages.get(i));
                    }
                }
                List<String> texts = new ArrayList<>(q.options);
                Collections.shuffle(texts, RANDOM);
                Set<String> correctTexts = new HashSet<>();
                if (answer.isArray()) {
                    answer.forEach(n -> correctTexts.add(n.asText()));
                } else {
                    correctTexts.add(answer.asText());
                }
                ArrayNode options = JsonNodeFactory.instance.arrayNode();
                ArrayNode correct = JsonNodeFactory.instance.arrayNode();
                Set<String> used = new HashSet<>();
                for (String t : texts) {
                    String id = uniqueId(used);
                    var option = options.addObject().put("id", id).put("text", t);
                    if (images.containsKey(t)) {
                        option.put("image", images.get(t));
                    }
                    if (correctTexts.contains(t)) {
                        correct.add(id);
                    }
                }
                c.options = JsonText.write(options);
                c.answer = switch (q.type) {
                    case ORDERING -> JsonText.write(orderedIds(options, answer));
                    case POLL -> JsonText.write(null);
                    default -> JsonText.write(correct);
                };
            }
            case TRUE_FALSE -> {
                Set<String> used = new HashSet<>();
                String yes = uniqueId(used);
                String no = uniqueId(used);
                ArrayNode options = JsonNodeFactory.instance.arrayNode();
                options.addObject().put("id", yes).put("text", TRUE_TEXT);
                options.addObject().put("id", no).put("text", FALSE_TEXT);
                c.options = JsonText.write(options);
                c.answer = JsonText.write(List.of(answer.asBoolean() ? yes : no));
            }
            case TEXT, NUMERIC -> {
                c.options = null;
                c.answer = q.answer;
            }
            default -> throw new IllegalStateException();
        }
        return c;
    }

    /** An ordering's right order as option ids: {@code answer} is the option texts in that order. */
    private static List<String> orderedIds(ArrayNode options, JsonNode answer) {
        java.util.Map<String, String> idOf = new java.util.HashMap<>();
        options.forEach(o -> idOf.put(o.get("text").asText(), o.get("id").asText()));
        List<String> out = new ArrayList<>();
        answer.forEach(n -> out.add(idOf.get(n.asText())));
        return out;
    }

    public static LiveQuestion live(ContestQuestion c) {
        List<LiveQuestion.OptionView> options = new ArrayList<>();
        if (c.options != null) {
            JsonText.tree(c.options).forEach(n -> options.add(new LiveQuestion.OptionView(n.get("id").asText(),
                    n.get("text").asText(), n.hasNonNull("image") ? n.get("image").asText() : null)));
        }
        JsonNode answer = JsonText.tree(c.answer);
        AnswerKey key = switch (c.type) {
            case SINGLE, MULTIPLE, TRUE_FALSE -> {
                Set<String> correct = new LinkedHashSet<>();
                answer.forEach(n -> correct.add(n.asText()));
                Set<String> all = new LinkedHashSet<>();
                options.forEach(o -> all.add(o.id()));
                yield new AnswerKey.Options(all, correct, c.type == QuestionType.MULTIPLE);
            }
            case TEXT -> {
                List<String> accepted = new ArrayList<>();
                if (answer.isArray()) {
                    answer.forEach(n -> accepted.add(n.asText()));
                } else {
                    accepted.add(answer.asText());
                }
                yield new AnswerKey.Text(accepted);
            }
            case NUMERIC -> new AnswerKey.Numeric(answer.asDouble(), c.tolerance == null ? 0 : c.tolerance);
            case ORDERING -> {
                List<String> order = new ArrayList<>();
                answer.forEach(n -> order.add(n.asText()));
                yield new AnswerKey.Ordering(order);
            }
            case POLL -> new AnswerKey.Poll(new LinkedHashSet<>(options.stream().map(LiveQuestion.OptionView::id)
                    .toList()));
        };
        SourceDto source = c.sourceReport == null && c.sourceExcerpt == null && c.sourceUrl == null ? null
                : new SourceDto(c.sourceReport, c.sourceExcerpt, c.sourceUrl, c.sourceTitle);
        return new LiveQuestion(c.idx, c.publicId, c.type, c.stem, List.copyOf(options), key,
                answer == null || answer.isNull() ? null : answer, c.tolerance,
                c.explanation, source, c.timeLimit * 1000L, c.points, c.multiplier, c.image);
    }

    static String randomId(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String uniqueId(Set<String> used) {
        String id;
        do {
            id = randomId(6);
        } while (!used.add(id));
        return id;
    }
}
