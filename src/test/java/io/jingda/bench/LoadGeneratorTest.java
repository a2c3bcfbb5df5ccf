package io.jingda.bench;

import io.jingda.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small run of the benchmark's load generator against the test server: a correctness check of the
 * generator and of "0 lost", not a measurement (the figures come from ./mvnw -Pbench … exec:exec@bench, see docs/benchmarks.md).
 */
@QuarkusTest
class LoadGeneratorTest {
    @TestHTTPResource("/")
    URL url;

    @Test
    void twoHundredParticipantsThreeQuestionsNothingLost() throws Exception {
        LoadGenerator.Result r = new LoadGenerator(options()).run();
        System.out.println(LoadGenerator.summary(r));
        assertPlayedInFull(r);
    }

    @Test
    void theGeneratorSplitOverTwoProcessesMergesItsFigures() throws Exception {
        LoadGenerator.Result r = new LoadGenerator(options(), new PlayerProcesses.Split(2, 0, -1, null, null)).run();
        System.out.println(LoadGenerator.summary(r));
        assertThat(r.generatorProcesses()).isEqualTo(2);
        assertPlayedInFull(r);
    }

    private LoadGenerator.Options options() {
        var cfg = ConfigProvider.getConfig();
        return new LoadGenerator.Options(url.toString(), 200, 3, 5, false, "admin",
                TestAuth.ADMIN_PASSWORD, cfg.getValue("quarkus.datasource.jdbc.url", String.class),
                cfg.getOptionalValue("quarkus.datasource.username", String.class).orElse(""),
                cfg.getOptionalValue("quarkus.datasource.password", String.class).orElse(""),
                1, -1, Path.of("unused"), "n/a", 7, 50, 0.05, 250, Path.of("target", "bench-test"), true, true, 0, true, 0);
    }

    private static void assertPlayedInFull(LoadGenerator.Result r) {
        assertThat(r.joined()).isEqualTo(200);
        assertThat(r.connected()).isEqualTo(200);
        assertThat(r.answersSent()).isEqualTo(600);
        assertThat(r.ackMissing()).as("answers never acknowledged").isZero();
        assertThat(r.answersAccepted() + r.answersRejectedLate()).isEqualTo(600);
        assertThat(r.answersRejectedLate()).as("the generator sends some answers after the deadline").isPositive();
        assertThat(r.answersLost()).as("acknowledged but not in the database").isZero();
        assertThat(r.lateAccepted()).as("accepted after the deadline").isZero();
        assertThat(r.storedAnswers()).isEqualTo(r.answersAccepted());
        assertThat(r.scoresMatch()).as("scores recomputed from the database equal the pushed final scores").isTrue();
        assertThat(r.lbMissing()).isZero();
    }
}
