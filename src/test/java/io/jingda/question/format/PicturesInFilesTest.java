package io.jingda.question.format;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Formats without picture files: a picture they mention is reported, never fetched, and the question imported without it. */
class PicturesInFilesTest {

    @Test
    void aCsvImageColumnIsReportedOnItsRowAndNotFetched() throws Exception {
        String csv = "type,stem,options,answer,图片\n"
                + "single,哪座塔？,延安宝塔|六和塔,延安宝塔,https://example.org/yanan.jpg\n"
                + "single,没有图片？,甲|乙,甲,\n";
        ParseResult r = new CsvFormat().parse(csv.getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
        assertThat(r.errors()).isEmpty();
        assertThat(r.questions()).hasSize(2);
        assertThat(r.questions().get(0).question().image()).isNull();
        assertThat(r.warnings()).hasSize(1);
        ImportProblem w = r.warnings().get(0);
        assertThat(w.line()).isEqualTo(2);
        assertThat(w.field()).isEqualTo("image");
        assertThat(w.message()).contains("https://example.org/yanan.jpg").contains("not fetched")
                .contains("question editor");
        assertThat(r.warnings()).noneMatch(p -> p.message().contains("not part of the template"));
    }

    @Test
    void anXlsxImageColumnIsReportedWithItsSheetRowAndColumn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Microsoft Excel", "16.0");
        Worksheet ws = wb.newWorksheet("题目");
        String[] header = {"题型", "题干", "选项", "答案", "image"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        ws.value(1, 0, "单选");
        ws.value(1, 1, "哪座城市？");
        ws.value(1, 2, "延安|遵义");
        ws.value(1, 3, "A");
        ws.value(1, 4, "http://intranet/pic.png");
        wb.finish();
        ParseResult r = new XlsxFormat().parse(out.toByteArray(), ImportLimits.DEFAULT);
        assertThat(r.errors()).isEmpty();
        assertThat(r.questions()).hasSize(1);
        ImportProblem w = r.warnings().stream().filter(p -> "image".equals(p.field())).findFirst().orElseThrow();
        assertThat(w.sheet()).isEqualTo("题目");
        assertThat(w.row()).isEqualTo(2);
        assertThat(w.column()).isEqualTo("E");
        assertThat(w.message()).contains("not fetched");
    }

    @Test
    void aGiftImgInHtmlTextIsReportedAsDropped() throws IOException, FormatException {
        String gift = "::q1::[html]<p>图中是哪里？</p><img src=\"@@PLUGINFILE@@/yanan.jpg\" alt=\"\">{=延安 ~遵义}\n\n"
                + "::q2::[html]<p>没有图片</p>{=甲 ~乙}\n";
        ParseResult r = new GiftFormat().parse(gift.getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
        assertThat(r.questions()).hasSize(2);
        assertThat(r.questions().get(0).question().stem()).doesNotContain("<img");
        assertThat(r.warnings()).hasSize(1);
        assertThat(r.warnings().get(0).line()).isEqualTo(1);
        assertThat(r.warnings().get(0).message()).contains("<img>").contains("dropped");
    }
}
