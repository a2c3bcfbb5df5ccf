package io.jingda.contest.results;

import io.jingda.contest.ContestStatus;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsExportTest {
    static final Instant CREATED = Instant.parse("2026-12-01T20:30:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aChineseTitleIsCarriedInFilenameStarWithAnAsciiFallback() {
        String d = ResultsExport.contentDisposition(2, "党史知识赛 第1场", CREATED, SHANGHAI, "csv");
        // 20:30 UTC is already the next day in Shanghai
        assertThat(d).isEqualTo("attachment; filename=\"contest-2-2026-12-02-results.csv\"; filename*=UTF-8''"
                + "%E5%85%9A%E5%8F%B2%E7%9F%A5%E8%AF%86%E8%B5%9B-%E7%AC%AC1%E5%9C%BA-2026-12-02-results.csv");
    }

    @Test
    void anAsciiTitleIsItsOwnFallback() {
        String d = ResultsExport.contentDisposition(7, "County Quiz (Final)", CREATED, ZoneId.of("UTC"), "xlsx");
        assertThat(d).isEqualTo("attachment; filename=\"County-Quiz-Final-2026-12-01-results.xlsx\"; "
                + "filename*=UTF-8''County-Quiz-%28Final%29-2026-12-01-results.xlsx");
    }

    @Test
    void characterThatFileSystemsOrHeadersRefuseAreReplaced() {
        String d = ResultsExport.contentDisposition(3, "  ../Quiz: \"A/B\"\r\n<final>; 100%  ", CREATED,
                ZoneId.of("UTC"), "csv");
        String ascii = d.substring(d.indexOf("filename=\"") + 10, d.indexOf("\";"));
        assertThat(ascii).isEqualTo("Quiz-A-B-final-100-2026-12-01-results.csv");
        String star = d.substring(d.indexOf("UTF-8''") + 7);
        assertThat(star).matches("[A-Za-z0-9!#$&+\\-.^_`|~%]+");
        assertThat(d).doesNotContain("\r", "\n", "/", "\\");
        assertThat(ResultsExport.safeName("a".repeat(300))).hasSize(80);
        assertThat(ResultsExport.safeName("\u202Eevil\u200B")).isEqualTo("evil");
        assertThat(ResultsExport.contentDisposition(4, "   ", null, ZoneId.of("UTC"), "csv"))
                .isEqualTo("attachment; filename=\"contest-4-results.csv\"; filename*=UTF-8''contest-4-results.csv");
    }

    @Test
    void headersAreEnglishColumnTitles() {
        ResultsService.Results r = new ResultsService.Results(1, "赛", ContestStatus.FINISHED, 0, List.of(), List.of());
        String csv = new String(ResultsExport.csv(r), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFRank,Nickname,Score,Correct answers,Time on correct answers (ms)\r\n");
        assertThat(csv).contains("\r\nNo.,Question,Type,Points,Multiplier,Answered,Correct (%),Average time (ms),Answers\r\n");
    }
}
