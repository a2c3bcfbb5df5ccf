package io.jingda.online;

import io.jingda.contest.ContestStatus;
import io.jingda.contest.LiveQuestion;
import io.jingda.contest.OnlineSettings;
import io.jingda.contest.UnitList;
import io.jingda.online.OnlineCatalog.Loaded;
import io.jingda.online.OnlineRows.UnitRow;
import io.jingda.online.OnlineViews.ContestInfo;
import io.jingda.online.OnlineViews.RegisterRequest;
import io.jingda.online.OnlineViews.Registered;
import io.jingda.online.OnlineViews.UnitOption;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * A self-paced contest's public page and its registration: who counts once (name, unit and memberNo, or a
 * device), stored through the group commit; the same identity gets the same participant and the same token.
 */
@ApplicationScoped
public class OnlineRegistration {
    private static final Pattern MEMBER_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MAX_NAME = 40;

    private final OnlineCatalog catalog;
    private final OnlineWriter writer;

    public OnlineRegistration(OnlineCatalog catalog, OnlineWriter writer) {
        this.catalog = catalog;
        this.writer = writer;
    }

    // ------------------------------------------------------------------ the contest page

    public ContestInfo info(String code) {
        Loaded k = catalog.byCode(code);
        OnlineSettings o = k.online();
        long now = System.currentTimeMillis();
        List<UnitOption> units = OnlineSettings.UNITS_LIST.equals(o.units()) ? k.units().stream()
                .map(u -> new UnitOption(u.id(), u.name(), u.parentId() == null ? null
                        : Optional.ofNullable(k.unit(u.parentId())).map(UnitRow::name).orElse(null))).toList() : null;
        return new ContestInfo(k.row().code(), k.row().title(), k.status(now).name(), k.row().opensAt(),
                k.row().closesAt(), o.questionsPerAttempt(), k.settings().timeLimit(), o.timeLimitTotal(),
                o.attemptsAllowed(), o.attemptScore(), k.scoring().mode().name().toLowerCase(java.util.Locale.ROOT),
                o.showAnswers(), o.units(), o.identity().memberNo(), o.identity().by(), units,
                new OnlineViews.PublicRanking(o.publicRanking().persons(), Boolean.TRUE.equals(o.publicRanking().units())),
                now);
    }

    // ------------------------------------------------------------------ registration

    public CompletionStage<Registered> register(String code, RegisterRequest r) {
        Loaded k = catalog.byCode(code);
        long now = System.currentTimeMillis();
        OnlineService.requireOpen(k, now);
        OnlineSettings o = k.online();
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            throw ApiException.invalid(List.of(new FieldError("body", "is required: {name, unit, memberNo, deviceId}")));
        }
        String name = r.name() == null ? "" : UnitList.display(r.name());
        if (name.isEmpty() || name.length() > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "is required, 1 to " + MAX_NAME + " characters"));
        }
        Long unitId = null;
        String freeName = null;
        String freeKey = null;
        String unitText = r.unit() == null ? "" : UnitList.display(r.unit());
        switch (o.units()) {
            case OnlineSettings.UNITS_LIST -> {
                String key = UnitList.key(unitText);
                UnitRow u = k.units().stream().filter(x -> UnitList.key(x.name()).equals(key)).findFirst()
                        .orElse(null);
                if (u == null) {
                    errors.add(new FieldError("unit", unitText.isEmpty() ? "is required: one of the contest's units"
                            : "'" + unitText + "' is not one of the contest's units"));
                } else {
                    unitId = u.id();
                    unitText = u.name();
                }
            }
            case OnlineSettings.UNITS_FREE -> {
                if (unitText.isEmpty() || unitText.length() > UnitList.MAX_NAME) {
                    errors.add(new FieldError("unit", "is required, 1 to " + UnitList.MAX_NAME + " characters"));
                } else {
                    freeName = unitText;
                    freeKey = UnitList.key(unitText);
                }
            }
            default -> unitText = null;
        }
        String memberNo = r.memberNo() == null || r.memberNo().isBlank() ? null : r.memberNo().strip();
        String memberMode = o.identity().memberNo();
        if ("required".equals(memberMode) && memberNo == null) {
            errors.add(new FieldError("memberNo", "is required"));
        } else if (memberNo != null && "none".equals(memberMode)) {
            memberNo = null;
        } else if (memberNo != null && !MEMBER_NO.matcher(memberNo).matches()) {
            errors.add(new FieldError("memberNo", "must be 1 to 32 letters, digits, '-' or '_'"));
        }
        String device = r.deviceId() == null ? null : r.deviceId().strip();
        if (o.deviceIdentity() && (device == null || device.length() < 8 || device.length() > 64)) {
            errors.add(new FieldError("deviceId", "is required, 8 to 64 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String key = k.row().tokenKey();
        String identity = o.deviceIdentity() ? "device|" + device
                : "person|" + UnitList.key(name) + "|" + (unitId != null ? "u" + unitId : freeKey != null ? "f" + freeKey : "")
                + "|" + (memberNo == null ? "" : memberNo);
        String memberHash = memberNo == null ? null : Tokens.memberNo(key, memberNo);
        String unitShown = unitText;
        return writer.submit(new OnlineWriter.Register(k.row().id(), Tokens.identity(key, identity), name, unitId,
                freeName, freeKey, memberHash, now, o.maxParticipants())).handle((w, e) -> {
            if (e != null) {
                throw OnlineService.failure(e);
            }
            if (!w.done()) {
                throw new ApiException(409, "FULL", "the contest has its " + o.maxParticipants() + " participants",
                        List.of());
            }
            return new Registered(w.participantId, Tokens.token(key, w.participantId), name, unitShown, w.returning);
        });
    }
}
