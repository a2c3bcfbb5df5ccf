package io.jingda.live;

import io.jingda.contest.LiveQuestion;
import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.scoring.Choice;
import io.jingda.scoring.ScoringRules;
import io.jingda.scoring.TextNormalizer;
import io.jingda.system.JsonText;

import java.util.Optional;
import java.util.TreeSet;

/** Everyone answers each question once within the time limit; scored by {@link ScoringRules}. */
public final class StandardRound implements RoundMode {
    static final int MAX_TEXT = 200;

    StandardRound() {
    }

    @Override
    public String id() {
        return "standard";
    }

    @Override
    public Optional<Verdict> judge(Context ctx, JsonNode raw) {
        LiveQuestion q = ctx.question();
        Optional<Choice> parsed = parse(q, raw);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Choice choice = parsed.get();
        Optional<Boolean> correct = q.key().judge(choice);
        if (correct.isEmpty()) {
            return Optional.empty();
        }
        ScoringRules.Award award = ctx.rules().award(correct.get(), ctx.responseMs(), q.timeLimitMs(), q.points(),
                ctx.streakBefore());
        String key;
        String json;
        if (choice instanceof Choice.Options o) {
            TreeSet<String> sorted = new TreeSet<>(o.ids());
            key = String.join(",", sorted);
            json = JsonText.write(sorted);
        } else if (choice instanceof Choice.Text t) {
            String n = TextNormalizer.normalize(t.value());
            key = n.length() > 100 ? n.substring(0, 100) : n;
            json = JsonText.write(t.value());
        } else {
            double v = ((Choice.Number) choice).value();
            key = v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
            json = key;
        }
        return Optional.of(new Verdict(choice, json, key, correct.get(), award.points(), award.streak()));
    }

    /** The choice's JSON shape by question type: an option id, a list of ids, a string or a number. */
    static Optional<Choice> parse(LiveQuestion q, JsonNode raw) {
        if (raw == null || raw.isNull() || raw.isMissingNode()) {
            return Optional.empty();
        }
        switch (q.type()) {
            case SINGLE, TRUE_FALSE -> {
                if (raw.isTextual()) {
                    return Optional.of(new Choice.Options(java.util.Set.of(raw.asText())));
                }
                if (raw.isArray() && raw.size() == 1 && raw.get(0).isTextual()) {
                    return Optional.of(new Choice.Options(java.util.Set.of(raw.get(0).asText())));
                }
                return Optional.empty();
            }
            case MULTIPLE -> {
                if (raw.isTextual()) {
                    return Optional.of(new Choice.Options(java.util.Set.of(raw.asText())));
                }
                if (!raw.isArray() || raw.isEmpty() || raw.size() > q.options().size()) {
                    return Optional.empty();
                }
                java.util.Set<String> ids = new java.util.HashSet<>();
                for (JsonNode n : raw) {
                    if (!n.isTextual() || !ids.add(n.asText())) {
                        return Optional.empty();
                    }
                }
                return Optional.of(new Choice.Options(ids));
            }
            case TEXT -> {
                if (!raw.isTextual() || raw.asText().length() > MAX_TEXT) {
                    return Optional.empty();
                }
                return Optional.of(new Choice.Text(raw.asText()));
            }
            case NUMERIC -> {
                double d;
                if (raw.isNumber()) {
                    d = raw.asDouble();
                } else if (raw.isTextual() && raw.asText().length() <= 40) {
                    try {
                        d = Double.parseDouble(raw.asText().strip());
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                } else {
                    return Optional.empty();
                }
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return Optional.empty();
                }
                return Optional.of(new Choice.Number(d));
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
