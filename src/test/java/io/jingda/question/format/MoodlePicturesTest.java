package io.jingda.question.format;

import io.jingda.media.TestImages;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionSetDto;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MoodlePicturesTest {
    final MoodleXmlFormat moodle = new MoodleXmlFormat();

    static String xml(String questionText, String questionFiles, String answerText, String answerFiles) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <quiz>
                <question type="multichoice">
                  <name><text>pic-1</text></name>
                  <questiontext format="html"><text><![CDATA[%s]]></text>%s</questiontext>
                  <single>true</single>
                  <answer fraction="100" format="html"><text><![CDATA[%s]]></text>%s</answer>
                  <answer fraction="0" format="html"><text>遵义</text></answer>
                </question>
                </quiz>
                """.formatted(questionText, questionFiles, answerText, answerFiles);
    }

    static String file(String name, byte[] bytes) {
        return "<file name=\"" + name + "\" path=\"/\" encoding=\"base64\">" + Base64.getMimeEncoder().encodeToString(bytes)
                + "</file>";
    }

    @Test
    void embeddedFilesOfTheQuestionAndAnAnswerAreRead() throws Exception {
        byte[] stem = TestImages.jpeg(80, 60, 801);
        byte[] option = TestImages.png(40, 40, 802);
        ParseResult r = moodle.parse(xml("<p>图中是哪里？</p><img src=\"@@PLUGINFILE@@/yan%20an.jpg\" alt=\"\">",
                file("yan an.jpg", stem), "<p>延安</p><img src=\"@@PLUGINFILE@@/a.png\">", file("a.png", option))
                .getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
        assertThat(r.errors()).isEmpty();
        QuestionDto q = r.questions().get(0).question();
        assertThat(q.stem()).isEqualTo("图中是哪里？");
        assertThat(q.options()).containsExactly("延安", "遵义");
        assertThat(q.answer()).isEqualTo(TextNode.valueOf("延安"));
        assertThat(r.pictures().get(q.image())).isEqualTo(stem);
        assertThat(q.optionImages()).hasSize(2);
        assertThat(r.pictures().get(q.optionImages().get(0))).isEqualTo(option);
        assertThat(q.optionImages().get(1)).isNull();
    }

    @Test
    void anExternalPictureIsNotFetchedAndBadBase64IsAnError() throws Exception {
        ParseResult external = moodle.parse(xml("<p>题</p><img src=\"https://example.org/x.png\">", "", "延安", "")
                .getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
        assertThat(external.questions().get(0).question().image()).isNull();
        assertThat(external.warnings()).anySatisfy(w -> assertThat(w.message()).contains("not fetched"));
        ParseResult bad = moodle.parse(xml("<p>题</p><img src=\"@@PLUGINFILE@@/x.png\">",
                "<file name=\"x.png\" encoding=\"base64\">!!!not base64!!!</file>", "延安", "")
                .getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
        assertThat(bad.errors()).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("image");
            assertThat(e.message()).contains("not valid base64");
        });
    }

    @Test
    void theExportEmbedsThePicturesAndReadsBack() throws Exception {
        byte[] stem = TestImages.jpeg(80, 60, 803);
        byte[] option = TestImages.png(40, 40, 804);
        String stemUrl = "/media/" + "a".repeat(64) + ".jpg";
        String optionUrl = "/media/" + "b".repeat(64) + ".png";
        Map<String, byte[]> store = Map.of(stemUrl, stem, optionUrl, option);
        QuestionDto q = new QuestionDto("pic-2", null, "single", "哪一幅 <是> 延安？", List.of("甲", "乙"),
                TextNode.valueOf("乙"), null, null, null, null, null, null, null, null, stemUrl, Arrays.asList(null, optionUrl));
        byte[] xml = moodle.write(new QuestionSetDto("s", "图", null, "zh-CN", List.of(), null), List.of(q),
                url -> Optional.ofNullable(store.get(url))).data();
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("@@PLUGINFILE@@/" + "a".repeat(64) + ".jpg").contains("encoding=\"base64\"");
        ParseResult back = moodle.parse(xml, ImportLimits.DEFAULT);
        assertThat(back.errors()).isEmpty();
        QuestionDto read = back.questions().get(0).question();
        assertThat(read.stem()).isEqualTo("哪一幅 <是> 延安？");
        assertThat(read.answer()).isEqualTo(TextNode.valueOf("乙"));
        assertThat(back.pictures().get(read.image())).isEqualTo(stem);
        assertThat(read.optionImages().get(0)).isNull();
        assertThat(back.pictures().get(read.optionImages().get(1))).isEqualTo(option);
    }
}
