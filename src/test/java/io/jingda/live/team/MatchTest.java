package io.jingda.live.team;

import io.jingda.contest.RoundDefinition;
import io.jingda.contest.TeamDefinition;
import io.jingda.live.protocol.RoundMessages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rulebook of the team rounds, pure and in milliseconds: each command, its events, and their replay. */
class MatchTest {
    static final List<TeamDefinition> TEAMS = List.of(
            new TeamDefinition(1, "一队", "#d32f2f", List.of(), null),
            new TeamDefinition(2, "二队", "#1976d2", List.of(), null),
            new TeamDefinition(3, "三队", "#388e3c", List.of("王五", "赵六"), "赵六"));

    static RoundDefinition buzzer(int index, int from, int count, String falseStart, boolean rebound) {
        return new RoundDefinition(index, "buzzer", "抢答题", from, count, null, 20, null, null, 10, 10, "client", 3, 10,
                falseStart, 10, 5, rebound, null, null, null, null, "round");
    }

    static RoundDefinition mandatory(int index, int from, int count, String answerer, boolean requireGo) {
        return new RoundDefinition(index, "mandatory", "必答题", from, count, null, 30, answerer, requireGo, 10, 0,
                "client", null, null, null, null, null, null, null, null, null, null, "round");
    }

    static RoundDefinition wager(int index, int from, int count, String order, boolean floorZero) {
        return new RoundDefinition(index, "wager", "风险题", from, count, null, 30, "rotate", false, null, null, "client",
                null, null, null, null, null, null, List.of(10, 20, 30), order, 15, floorZero, "round");
    }

    static RoundDefinition tiebreak(int index, int from, int count) {
        return new RoundDefinition(index, "tiebreak", "加时赛", from, count, null, 20, null, null, null, 0, "client", 3,
                10, "lockout", 10, 5, false, null, null, null, null, "round");
    }

    /** A match whose members bring no points of their own; participants 11,12 in team 1, 21,22 in 2, 31,32 in 3. */
    static Match match(RoundDefinition... rounds) {
        Match m = new Match(TEAMS, List.of(rounds), 100, 6, i -> "q" + i, id -> "p" + id, t -> 0);
        m.place(11, 1, "p11");
        m.place(12, 1, "p12");
        m.place(21, 2, "p21");
        m.place(22, 2, "p22");
        m.place(31, 3, "王五");
        m.place(32, 3, "赵六");
        return m;
    }

    static long score(Match m, int team) {
        return m.score(team);
    }

    @Test
    void aQuestionsMultiplierScalesTheRightAndWrongPointsButNotAFalseStart() {
        Match m = new Match(TEAMS, List.of(buzzer(0, 0, 2, "penalty", false)), 100, 6, i -> "q" + i, id -> "p" + id,
                t -> 0, i -> i == 0 ? 2.5 : 0, i -> true);
        m.place(11, 1, "p11");
        m.place(21, 2, "p21");
        m.startRound(0, null, 0);
        m.openQuestion(0, 1_000);
        m.buzz(21, 2_000); // a false start: the round's 10, not multiplied
        assertThat(score(m, 2)).isEqualTo(90);
        m.due(4_000, 0);
        m.buzz(11, 4_100);
        // wrong: 10 × 2.5 = 25 off
        assertThat(m.answered(false, 4_200)).extracting(RoundEvent::points).containsExactly(-25);
        assertThat(score(m, 1)).isEqualTo(75);
        m.openQuestion(1, 10_000);
        m.due(13_000, 0);
        m.buzz(11, 13_100);
        // practice (x0): right, and nothing
        assertThat(m.answered(true, 13_200)).extracting(RoundEvent::points).containsExactly(0);
        assertThat(score(m, 1)).isEqualTo(75);
    }

    @Test
    void aPollInATeamRoundOpensNoPlayTakesNoTurnAndAReplayDoesNotLeaveTheTurnBeforeItOpen() {
        // mandatory: questions 0..3, question 1 a poll; the teams in turn 1, 2, 3 over the scored ones
        RoundDefinition round = mandatory(0, 0, 4, "rotate", false);
        Match m = new Match(TEAMS, List.of(round), 100, 6, i -> "q" + i, id -> "p" + id, t -> 0, i -> 1.0, i -> i != 1);
        m.place(11, 1, "p11");
        m.place(21, 2, "p21");
        m.place(31, 3, "王五");
        List<RoundEvent> stored = new ArrayList<>(m.startRound(0, null, 0));
        stored.addAll(m.openQuestion(0, 1_000));
        assertThat(stored.get(stored.size() - 1).team()).isEqualTo(1);
        stored.addAll(m.answered(true, 2_000));
        assertThat(m.teamQuestion(0)).isTrue();
        assertThat(m.teamQuestion(1)).isFalse();
        assertThat(m.openQuestion(1, 3_000)).isEmpty();
        assertThat(m.playingQuestion()).isFalse();
        assertThat(m.step()).isNull();
        assertThat(m.state(false).step()).isNull();
        assertThat(m.state(false).turn()).isNull();
        assertThat(m.mayAnswer(21, 3_100, 0)).isNull();
        assertThat(m.skipAllowed()).isFalse();
        assertThat(m.goAllowed()).isFalse();
        assertThat(m.due(60_000, 0)).isEmpty(); // no turn to time out
        // a replay while the poll is on show: the judged turn of question 0 is not the poll's
        Match replayed = new Match(TEAMS, List.of(round), 100, 6, i -> "q" + i, id -> "p" + id, t -> 0, i -> 1.0,
                i -> i != 1);
        replayed.place(11, 1, "p11");
        replayed.place(21, 2, "p21");
        replayed.place(31, 3, "王五");
        stored.forEach(replayed::apply);
        replayed.showing(1);
        assertThat(replayed.playingQuestion()).isFalse();
        assertThat(replayed.score(1)).isEqualTo(110);
        // the poll took no turn: question 2 is team 2's, question 3 team 3's
        assertThat(m.openQuestion(2, 60_000)).extracting(RoundEvent::team).containsExactly(null, 2);
        m.answered(false, 61_000);
        assertThat(m.openQuestion(3, 70_000)).extracting(RoundEvent::team).containsExactly(null, 3);
        assertThat(List.of(score(m, 1), score(m, 2), score(m, 3))).containsExactly(110L, 100L, 100L);
    }

    @Test
    void aFalseStartUnderPenaltyCostsTenAndLocksTheTeamOutThenTheFirstBuzzWins() {
        Match m = match(buzzer(0, 0, 2, "penalty", false));
        m.startRound(0, null, 0);
        m.openQuestion(0, 1_000);
        Match.Result early = m.buzz(11, 2_000);
        assertThat(early.refused()).isEqualTo("FALSE_START");
        assertThat(early.events()).extracting(RoundEvent::kind).containsExactly(RoundEvent.FALSE_START);
        assertThat(score(m, 1)).isEqualTo(90);
        assertThat(m.buzz(12, 2_100).refused()).isEqualTo("LOCKED_OUT");
        assertThat(m.due(3_999, 0)).isEmpty();
        assertThat(m.due(4_000, 0)).extracting(RoundEvent::kind).containsExactly(RoundEvent.BUZZ_OPEN);
        assertThat(m.buzz(12, 4_010).refused()).isEqualTo("LOCKED_OUT");
        Match.Result won = m.buzz(21, 4_050);
        assertThat(won.accepted()).isTrue();
        assertThat(won.events()).extracting(RoundEvent::kind).containsExactly(RoundEvent.BUZZ, RoundEvent.TURN);
        assertThat(won.events().get(0).detail()).isEqualTo("50");
        // one millisecond later: the buzz is taken
        Match.Result late = m.buzz(31, 4_051);
        assertThat(late.refused()).isEqualTo("ALREADY_WON");
        assertThat(late.ordered()).isTrue();
        assertThat(m.buzz(32, 4_052).ordered()).isFalse(); // only a team's first buzz takes a place
        assertThat(m.buzzOrder().buzzes()).extracting(RoundMessages.BuzzEntry::teamId, RoundMessages.BuzzEntry::reactionMs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 50L), org.assertj.core.groups.Tuple.tuple(3, 51L));
        assertThat(m.mayAnswer(31, 4_060, 0)).isEqualTo("NOT_YOUR_TURN");
        assertThat(m.mayAnswer(21, 4_060, 0)).isNull();
        m.answered(true, 5_000);
        assertThat(score(m, 2)).isEqualTo(110);
        assertThat(m.over()).isTrue();
    }

    @Test
    void aFalseStartIsIgnoredOrOnlyLocksOutAsTheSettingSays() {
        Match ignore = match(buzzer(0, 0, 1, "ignore", false));
        ignore.startRound(0, null, 0);
        ignore.openQuestion(0, 0);
        Match.Result r = ignore.buzz(11, 10);
        assertThat(r.refused()).isEqualTo("FALSE_START");
        assertThat(r.events()).isEmpty();
        ignore.due(3_000, 0);
        assertThat(ignore.buzz(11, 3_001).accepted()).isTrue();

        Match lockout = match(buzzer(0, 0, 1, "lockout", false));
        lockout.startRound(0, null, 0);
        lockout.openQuestion(0, 0);
        assertThat(lockout.buzz(11, 10).events().get(0).points()).isZero();
        assertThat(score(lockout, 1)).isEqualTo(100);
        lockout.due(3_000, 0);
        assertThat(lockout.buzz(12, 3_001).refused()).isEqualTo("LOCKED_OUT");
    }

    @Test
    void aWrongAnswerCostsTenAndARboundReopensTheBuzzToTheOtherTeamsOnce() {
        Match m = match(buzzer(0, 0, 1, "penalty", true));
        m.startRound(0, null, 0);
        m.openQuestion(0, 0);
        m.go(100); // the host opens the buzz before the reading time is over
        assertThat(m.step()).isEqualTo(Match.Step.BUZZING);
        m.buzz(11, 200);
        List<RoundEvent> wrong = m.answered(false, 1_000);
        assertThat(wrong).extracting(RoundEvent::kind).containsExactly(RoundEvent.JUDGED, RoundEvent.BUZZ_OPEN);
        assertThat(wrong.get(1).detail()).isEqualTo("rebound");
        assertThat(score(m, 1)).isEqualTo(90);
        assertThat(m.buzz(12, 1_100).refused()).isEqualTo("LOCKED_OUT");
        m.buzz(22, 1_200);
        List<RoundEvent> again = m.answered(false, 2_000);
        assertThat(again).extracting(RoundEvent::kind).containsExactly(RoundEvent.JUDGED); // one rebound only
        assertThat(m.over()).isTrue();
        assertThat(score(m, 2)).isEqualTo(90);
    }

    @Test
    void noBuzzWithinTheWindowVoidsTheQuestion() {
        Match m = match(buzzer(0, 0, 1, "penalty", false));
        m.startRound(0, null, 0);
        m.openQuestion(0, 0);
        m.due(3_000, 0);
        assertThat(m.due(13_000, 250)).isEmpty();
        List<RoundEvent> v = m.due(13_251, 250);
        assertThat(v).extracting(RoundEvent::detail).containsExactly("void:NO_BUZZ");
        assertThat(m.voided()).isTrue();
        assertThat(m.buzz(11, 13_300).refused()).isEqualTo("TOO_LATE");
    }

    @Test
    void theWinnerWhoDoesNotAnswerInTimeLosesTen() {
        Match m = match(buzzer(0, 0, 1, "penalty", false));
        m.startRound(0, null, 0);
        m.openQuestion(0, 0);
        m.due(3_000, 0);
        m.buzz(31, 3_500);
        assertThat(m.due(23_500, 0)).isEmpty();
        assertThat(m.due(23_501, 0)).extracting(RoundEvent::detail).containsExactly("wrong:TIMEOUT");
        assertThat(score(m, 3)).isEqualTo(90);
    }

    @Test
    void mandatoryTurnsGoToEachTeamInTurnRotatingPerRoundAndMembersTakeTurns() {
        Match m = match(mandatory(0, 0, 6, "rotate", false), mandatory(1, 6, 3, "captain", false));
        m.startRound(0, null, 0);
        List<Integer> teams = new ArrayList<>();
        List<Long> who = new ArrayList<>();
        for (int q = 0; q < 6; q++) {
            RoundEvent turn = m.openQuestion(q, q * 100L).get(1);
            teams.add(turn.team());
            who.add(turn.participant());
            m.answered(q % 2 == 0, q * 100L + 50);
        }
        assertThat(teams).containsExactly(1, 2, 3, 1, 2, 3);
        assertThat(who).containsExactly(11L, 21L, 31L, 12L, 22L, 32L);
        assertThat(score(m, 1)).isEqualTo(110); // right at q0, wrong at q3 (0 for wrong)
        m.startRound(1, null, 1_000);
        List<Integer> second = new ArrayList<>();
        List<Long> captains = new ArrayList<>();
        for (int q = 6; q < 9; q++) {
            RoundEvent turn = m.openQuestion(q, q * 100L).get(1);
            second.add(turn.team());
            captains.add(turn.participant());
            assertThat(m.mayAnswer(turn.participant() == 11 ? 12 : 11, q * 100L, 0)).isEqualTo("NOT_YOUR_TURN");
            m.answered(false, q * 100L + 1);
        }
        assertThat(second).containsExactly(2, 3, 1);
        assertThat(captains).containsExactly(21L, 32L, 11L); // team 3's captain is the plan's (赵六)
    }

    @Test
    void anAnswerBeforeTheHostsGoVoidsTheTurnAndAfterTheGoTheClockRuns() {
        Match m = match(mandatory(0, 0, 3, "rotate", true));
        m.startRound(0, null, 0);
        RoundEvent turn = m.openQuestion(0, 0).get(1);
        assertThat(turn.until()).isNull();
        assertThat(m.mayAnswer(11, 10, 0)).isEqualTo("BEFORE_GO");
        assertThat(m.voidEarly(10).get(0).detail()).isEqualTo("wrong:BEFORE_GO");
        assertThat(m.over()).isTrue();
        m.openQuestion(1, 1_000);
        assertThat(m.go(2_000).events().get(0).until()).isEqualTo(32_000);
        assertThat(m.mayAnswer(21, 2_100, 0)).isNull();
        assertThat(m.due(32_001, 0)).extracting(RoundEvent::detail).containsExactly("wrong:TIMEOUT");
    }

    @Test
    void wagersArePickedAtOnceAndTheLowestStakeIsGivenAtTheDeadline() {
        Match m = match(wager(0, 0, 3, "simultaneous", false));
        m.startRound(0, null, 0);
        assertThat(m.stake(11, 0, 25, 10).refused()).isEqualTo("INVALID_STAKE");
        Match.Result pick = m.stake(11, 0, 30, 10);
        assertThat(pick.accepted()).isTrue();
        assertThat(m.announce(pick.events()).get(0).hostsOnly()).isTrue(); // the others see picks once all have picked
        assertThat(m.stake(12, 0, 10, 20).refused()).isEqualTo("ALREADY_PICKED");
        m.stake(21, 0, 20, 30);
        assertThat(m.stakesComplete()).isFalse();
        assertThat(m.due(15_000, 0)).isEmpty();
        List<RoundEvent> auto = m.due(15_001, 0);
        assertThat(auto).hasSize(1);
        assertThat(auto.get(0).team()).isEqualTo(3);
        assertThat(auto.get(0).points()).isEqualTo(10);
        assertThat(m.stakesComplete()).isTrue();
        assertThat(m.announce(auto).get(0).hostsOnly()).isFalse();
        m.openQuestion(0, 20_000);
        m.answered(true, 20_100);
        m.openQuestion(1, 21_000);
        m.answered(false, 21_100);
        assertThat(score(m, 1)).isEqualTo(130);
        assertThat(score(m, 2)).isEqualTo(80);
    }

    @Test
    void wagersPickedInTurnGoHighestScoreFirstAndAFloorKeepsScoresAtZero() {
        Match m = new Match(TEAMS, List.of(wager(0, 0, 3, "score", true)), 0, 6, i -> "q" + i, id -> "p" + id, t -> 0);
        m.place(11, 1, "a");
        m.place(21, 2, "b");
        m.place(31, 3, "c");
        m.rule(2, 15);
        m.rule(3, 5);
        List<RoundEvent> start = m.startRound(0, null, 0);
        assertThat(start.get(1).detail()).isEqualTo("2,3,1");
        assertThat(m.stake(11, 0, 10, 1).refused()).isEqualTo("NOT_YOUR_TURN");
        assertThat(m.stake(21, 0, 30, 2).accepted()).isTrue();
        assertThat(m.stakeTurn()).isEqualTo(3);
        m.stake(31, 0, 30, 3);
        m.stake(11, 0, 20, 4);
        m.openQuestion(0, 10); // team 1's question (round 0: the order starts at the first team)
        m.answered(false, 20);
        assertThat(score(m, 1)).isZero(); // 0 − 20 stays at 0 under floorZero
        m.openQuestion(1, 30);
        m.answered(false, 40);
        assertThat(score(m, 2)).isZero(); // 15 − 15
    }

    @Test
    void aTiebreakWrongAnswerPutsATeamOutAndTheLastOneStandingWinsTheTie() {
        Match m = match(buzzer(0, 0, 1, "penalty", false), tiebreak(1, 1, 3));
        m.rule(1, 10);
        m.rule(2, 10);
        m.startRound(1, List.of(1, 2), 0);
        assertThat(m.playing()).containsExactly(1, 2);
        m.openQuestion(1, 0);
        m.due(3_000, 0);
        assertThat(m.buzz(31, 3_001).refused()).isEqualTo("NO_TEAM"); // team 3 is not in the tie-break
        m.buzz(11, 3_002);
        List<RoundEvent> out = m.answered(false, 4_000);
        assertThat(out).extracting(RoundEvent::kind).containsExactly(RoundEvent.JUDGED, RoundEvent.OUT, RoundEvent.WON);
        assertThat(out.get(2).team()).isEqualTo(2);
        assertThat(m.tiebreakDecided()).isTrue();
        List<RoundMessages.TeamEntry> standings = m.standings();
        assertThat(standings).extracting(RoundMessages.TeamEntry::id).containsExactly(2, 1, 3);
        assertThat(standings).extracting(RoundMessages.TeamEntry::rank).containsExactly(1, 2, 3);
        assertThat(standings.get(0).score()).isEqualTo(110);
    }

    @Test
    void replayingTheStoredEventsRebuildsTheSameMatch() {
        Match live = match(buzzer(0, 0, 2, "penalty", true), wager(1, 2, 3, "simultaneous", false));
        List<RoundEvent> log = new ArrayList<>();
        log.addAll(live.startRound(0, null, 0));
        log.addAll(live.openQuestion(0, 0));
        log.addAll(live.buzz(11, 500).events());
        log.addAll(live.due(3_000, 0));
        log.addAll(live.buzz(21, 3_010).events());
        log.addAll(live.answered(false, 4_000));
        log.addAll(live.shift(5_000, 4_500)); // a pause
        log.addAll(live.buzz(31, 9_100).events());
        log.addAll(live.startRound(1, null, 10_000));
        log.addAll(live.stake(12, 1, 20, 10_100).events());
        Match rebuilt = match(buzzer(0, 0, 2, "penalty", true), wager(1, 2, 3, "simultaneous", false));
        log.forEach(rebuilt::apply);
        assertThat(rebuilt.standings()).isEqualTo(live.standings());
        assertThat(rebuilt.state(true)).isEqualTo(live.state(true));
        assertThat(rebuilt.stakeOf(1)).isEqualTo(20);
        assertThat(log).extracting(RoundEvent::seq).isSorted().doesNotHaveDuplicates();
    }
}
