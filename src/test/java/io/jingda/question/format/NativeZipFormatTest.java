package io.jingda.question.format;

import io.jingda.media.TestImages;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NativeZipFormatTest {
    final NativeZipFormat zip = new NativeZipFormat();

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static final byte[] SET = "questions:\n  - {type: single, stem: 题, options: [甲, 乙], answer: 甲, image: ./pics/a.png}\n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void readsTheSetFileAndKeepsThePicturesByPath() throws Exception {
        byte[] png = TestImages.png(10, 10, 1);
        ParseResult r = zip.parse(zip(Map.of("my set/set.yml", SET, "pics/a.png", png)), ImportLimits.DEFAULT);
        assertThat(r.format()).isEqualTo("zip");
        assertThat(r.questions()).hasSize(1);
        assertThat(r.pictures()).containsOnlyKeys("pics/a.png");
        assertThat(NativeZipFormat.normalize(r.questions().get(0).question().image())).isEqualTo("pics/a.png");
    }

    @Test
    void aZipBombAndTooManyEntriesAreRefusedBeforeReading() throws Exception {
        byte[] zeros = new byte[2 * 1024 * 1024];
        ImportLimits small = new ImportLimits(10L << 20, 100, 65_536, 1L << 20, 3);
        assertThatThrownBy(() -> zip.parse(zip(Map.of("set.yaml", SET, "big.png", zeros)), small))
                .isInstanceOf(FormatException.class).hasMessageContaining("zip unpacks to more than");
        assertThatThrownBy(() -> zip.parse(zip(Map.of("set.yaml", SET, "1.png", SET, "2.png", SET, "3.png", SET)), small))
                .isInstanceOf(FormatException.class).hasMessageContaining("zip holds more than 3");
    }

    @Test
    void oneSetFilePerZip() throws Exception {
        assertThatThrownBy(() -> zip.parse(zip(Map.of("a.yaml", SET, "b.json", "{}".getBytes())), ImportLimits.DEFAULT))
                .isInstanceOf(FormatException.class).hasMessageContaining("2 set files");
        assertThatThrownBy(() -> zip.parse("not a zip".getBytes(), ImportLimits.DEFAULT))
                .isInstanceOf(FormatException.class).hasMessageContaining("not a readable zip");
    }
}
