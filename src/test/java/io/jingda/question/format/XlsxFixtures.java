package io.jingda.question.format;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the XLSX fixtures under src/test/resources/imports/xlsx the way organizers' files look:
 * Kahoot's quiz template (title and instruction rows in merged cells above the table) and our
 * template saved by Excel with a merged title row and an instructions sheet in front.
 * Run once: java -cp target/test-classes:$(cat cp.txt) io.jingda.question.format.XlsxFixtures
 */
public final class XlsxFixtures {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/imports/xlsx");
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve("kahoot-template.xlsx"))) {
            kahoot(out);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("jingda-excel.xlsx"))) {
            ours(out);
        }
    }

    static void kahoot(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Microsoft Excel", "16.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        ws.value(0, 1, "Quiz template");
        ws.range(0, 1, 0, 7).merge();
        ws.value(1, 1, "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one). Have fun creating your awesome quiz!");
        ws.range(1, 1, 1, 7).merge();
        ws.value(2, 1, "Remember: questions have a limit of 120 characters and answers can have 75 characters max. If several answers are correct, separate them with a comma.");
        ws.range(2, 1, 2, 7).merge();
        ws.value(3, 1, "See an example question below (don't forget to overwrite this with your first question!)");
        ws.range(3, 1, 3, 7).merge();
        String[] header = {"", "Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
            "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
            "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one"};
        for (int c = 0; c < header.length; c++) {
            ws.value(7, c, header[c]);
            ws.style(7, c).bold().fillColor("46178F").fontColor("FFFFFF").wrapText(true).set();
        }
        Object[][] rows = {
            {1, "Which planet is known as the Red Planet?", "Venus", "Mars", "Jupiter", "Saturn", 20, 2},
            {2, "Which of these are mammals?", "Whale", "Shark", "Bat", "Penguin", 30, "1,3"},
            {3, "哪个是中国的首都？", "上海", "北京", "", "", 10, 2},
            {4, "Question with a wrong answer number", "A", "B", "", "", 20, 3},
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof Integer i) {
                    ws.value(8 + r, c, i);
                } else if (!((String) v).isEmpty()) {
                    ws.value(8 + r, c, (String) v);
                }
            }
        }
        wb.finish();
    }

    static void ours(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Microsoft Excel", "16.0");
        Worksheet info = wb.newWorksheet("说明");
        info.value(0, 0, "填写说明：每行一道题。选项用 | 分隔或在单元格内换行（Alt+Enter）。");
        info.range(0, 0, 0, 8).merge();
        Worksheet ws = wb.newWorksheet("题目");
        ws.value(0, 0, "2024 年党史知识竞赛题库");
        ws.range(0, 0, 0, 8).merge();
        String[] header = {"题型", "题干", "选项", "答案", "解析", "标签", "难度", "时限（秒）", "备注"};
        for (int c = 0; c < header.length; c++) {
            ws.value(1, c, header[c]);
        }
        ws.value(2, 0, "单选");
        ws.value(2, 1, "遵义会议召开于哪一年？");
        ws.value(2, 2, "1933年\n1935年\n1937年");
        ws.value(2, 3, "B");
        ws.value(2, 4, "1935年1月。");
        ws.value(2, 5, "党史");
        ws.value(2, 6, 2);
        ws.value(2, 7, 20);
        ws.value(3, 0, "数值");
        ws.value(3, 1, "中国共产党成立于哪一年？");
        ws.value(3, 3, 1921);
        ws.value(3, 6, "易");
        ws.value(4, 0, "判断");
        ws.value(4, 1, "井冈山是中国第一个农村革命根据地。");
        ws.value(4, 3, true);
        ws.value(5, 0, "单选");
        ws.value(5, 1, "=HYPERLINK(\"http://evil\")");
        ws.value(5, 2, "'=1+1|b");
        ws.value(5, 3, "b");
        ws.value(6, 0, "单选");
        ws.value(6, 1, "难度写错了");
        ws.value(6, 2, "a|b");
        ws.value(6, 3, "a");
        ws.value(6, 6, "很难");
        wb.finish();
    }
}
