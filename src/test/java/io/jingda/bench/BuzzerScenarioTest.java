package io.jingda.bench;

import io.jingda.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small run of the benchmark's buzzer scenario against the test server (4 teams of 3, 2 questions): a
 * correctness check of the scenario and of the buzzer's rules, not a measurement (the figures come from
 * ./mvnw -Pbench … exec:exec@bench -Dbench.scenario=buzzer, see docs/benchmarks.md).
 */
@QuarkusTest
class BuzzerScenarioTest {
    @TestHTTPResource("/")
    URL url;

    @Test
    void fourTeamsOfThreeBuzzTwiceEveryoneSeesOneWinnerAndTheTeamScoresAddUp() throws Exception {
        BuzzerScenario.Options o = new BuzzerScenario.Options(url.toString(), 4, 3, 2, 1, 50, true, 0, "admin",
                TestAuth.ADMIN_PASSWORD, Path.of("unused"), "n/a", 7, Path.of("target", "bench-test"), true, true);
        BuzzerScenario.Result r = new BuzzerScenario(o).run();
        System.out.println(BuzzerScenario.summary(r));
        BuzzerFigures b = r.buzz();
        assertThat(r.joined()).isEqualTo(12);
        assertThat(r.connected()).isEqualTo(12);
        assertThat(r.questionsPlayed()).isEqualTo(2);
        assertThat(b.buzzesSent()).isEqualTo(24);
        assertThat(b.winnerFramesMissing()).as("members without buzzWinner").isZero();
        assertThat(b.winnerDisagreements()).as("buzzWinner frames naming another winner").isZero();
        assertThat(b.winnerIsFirstSender() + b.mismatches().size()).as("a winner among the members, each question")
                .isEqualTo(2);
        assertThat(b.winnerRefused()).as("buzzRefused to the winner").isZero();
        assertThat(b.unexpectedRefusals()).as("refusals other than ALREADY_WON or TOO_LATE: %s", b.refusals()).isZero();
        assertThat(b.unansweredBuzzes()).as("losing buzzes without buzzRefused").isZero();
        assertThat(r.answersAccepted()).as("the winners' answers").isEqualTo(2);
        assertThat(b.judged()).isEqualTo(2);
        assertThat(b.teamScoresMatch()).as(b.teamScores()).isTrue();
    }
}
