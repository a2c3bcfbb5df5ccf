package io.jingda.media;

import io.jingda.system.ApiException;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaProcessorTest {
    final MediaProcessor processor = new MediaProcessor(4096, 1600, 0.85f);

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static BufferedImage read(byte[] b) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(b));
    }

    @Test
    void aPngIsKeptAsAPngOfTheSameSizeAndItsHashIsOfTheStoredBytes() throws IOException {
        MediaProcessor.Processed p = processor.process(TestImages.png(300, 200, 1));
        assertThat(p.kind()).isEqualTo(MediaKind.PNG);
        assertThat(p.width()).isEqualTo(300);
        assertThat(p.height()).isEqualTo(200);
        assertThat(p.sha256()).isEqualTo(io.jingda.system.Hashing.sha256Hex(p.content()));
        assertThat(read(p.content()).getWidth()).isEqualTo(300);
    }

    @Test
    void theSameUploadGivesTheSameBytes() {
        byte[] jpeg = TestImages.jpeg(320, 240, 3);
        assertThat(processor.process(jpeg).sha256()).isEqualTo(processor.process(jpeg.clone()).sha256());
    }

    @Test
    void aLargePictureIsScaledDownToFitKeepingItsShape() throws IOException {
        MediaProcessor.Processed p = processor.process(TestImages.jpeg(3200, 1000, 2));
        assertThat(p.kind()).isEqualTo(MediaKind.JPEG);
        assertThat(p.width()).isEqualTo(1600);
        assertThat(p.height()).isEqualTo(500);
        BufferedImage back = read(p.content());
        assertThat(back.getWidth()).isEqualTo(1600);
        assertThat(back.getHeight()).isEqualTo(500);
    }

    @Test
    void anExifGpsTagIsStripped() {
        byte[] withGps = TestImages.jpegWithGps(200, 150);
        assertThat(TestImages.contains(withGps, ascii("Exif"))).isTrue();
        MediaProcessor.Processed p = processor.process(withGps);
        assertThat(TestImages.contains(p.content(), ascii("Exif"))).isFalse();
        assertThat(TestImages.contains(p.content(), new byte[]{(byte) 0xff, (byte) 0xe1})).as("no APP1 segment").isFalse();
        assertThat(TestImages.contains(p.content(), new byte[]{(byte) 0x88, 0x25})).as("no GPS IFD tag").isFalse();
    }

    static boolean red(BufferedImage img, int x, int y) {
        java.awt.Color c = new java.awt.Color(img.getRGB(x, y));
        return c.getRed() > 200 && c.getBlue() < 60;
    }

    static boolean blue(BufferedImage img, int x, int y) {
        java.awt.Color c = new java.awt.Color(img.getRGB(x, y));
        return c.getBlue() > 200 && c.getRed() < 60;
    }

    @Test
    void aPhotoIsTurnedUprightByItsExifOrientationBeforeTheTagIsDropped() throws IOException {
        // stored 200×100, red left and blue right
        BufferedImage none = read(processor.process(TestImages.jpegWithOrientation(200, 100, 1)).content());
        assertThat(none.getWidth()).isEqualTo(200);
        assertThat(red(none, 20, 50) && blue(none, 180, 50)).isTrue();
        // 6: shown turned 90° clockwise, so the left half is on top
        MediaProcessor.Processed six = processor.process(TestImages.jpegWithOrientation(200, 100, 6));
        assertThat(six.width()).isEqualTo(100);
        assertThat(six.height()).isEqualTo(200);
        BufferedImage s = read(six.content());
        assertThat(red(s, 50, 20) && blue(s, 50, 180)).as("red on top, blue below").isTrue();
        assertThat(TestImages.contains(six.content(), ascii("Exif"))).isFalse();
        // 8: turned counter-clockwise, the left half at the bottom
        BufferedImage e = read(processor.process(TestImages.jpegWithOrientation(200, 100, 8)).content());
        assertThat(blue(e, 50, 20) && red(e, 50, 180)).as("blue on top, red below").isTrue();
        // 3: upside down, so left and right swap; 2: mirrored, the same
        BufferedImage t = read(processor.process(TestImages.jpegWithOrientation(200, 100, 3)).content());
        assertThat(blue(t, 20, 50) && red(t, 180, 50)).isTrue();
        BufferedImage m = read(processor.process(TestImages.jpegWithOrientation(200, 100, 2)).content());
        assertThat(m.getWidth()).isEqualTo(200);
        assertThat(blue(m, 20, 50) && red(m, 180, 50)).isTrue();
    }

    @Test
    void aMalformedExifSegmentLeavesThePictureAsStored() {
        byte[] jpeg = TestImages.jpegWithOrientation(60, 30, 6);
        jpeg[16] = (byte) 0x7f; // the IFD offset (little-endian, at 16) now points past the segment
        assertThat(processor.process(jpeg).width()).isEqualTo(60);
    }

    @Test
    void aPngDeclaringAHugeSizeIsRefusedFromItsHeader() {
        byte[] huge = TestImages.pngDeclaring(100_000, 100_000);
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThatThrownBy(() -> processor.process(huge)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.code()).isEqualTo("MEDIA_DIMENSIONS_TOO_LARGE");
            assertThat(e.getMessage()).contains("100000×100000");
        });
        // 100000² RGB pixels would be 30 GB: refused long before, whatever the heap
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(after - before).isLessThan(256L << 20);
    }

    @Test
    void aSizeJustOverTheLimitIsRefusedAndOneAtItIsNot() {
        MediaProcessor small = new MediaProcessor(64, 1600, 0.85f);
        assertThatThrownBy(() -> small.process(TestImages.png(65, 10, 1))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("MEDIA_DIMENSIONS_TOO_LARGE"));
        assertThat(small.process(TestImages.png(64, 64, 1)).width()).isEqualTo(64);
    }

    @Test
    void aTruncatedJpegIsRefused() {
        byte[] jpeg = TestImages.jpeg(400, 300, 5);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
        assertThatThrownBy(() -> processor.process(cut)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.code()).isEqualTo("MEDIA_UNREADABLE");
        });
    }

    @Test
    void aTruncatedPngIsRefused() {
        byte[] png = TestImages.png(400, 300, 5);
        byte[] cut = Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> processor.process(cut)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("MEDIA_UNREADABLE"));
    }

    @Test
    void aPolyglotLosesItsPayload() {
        byte[] payload = ascii("<html><script>alert(document.cookie)</script></html>PK\u0003\u0004zipzipzip");
        for (byte[] image : new byte[][]{TestImages.png(50, 40, 9), TestImages.jpeg(50, 40, 9), TestImages.gif(50, 40, 9)}) {
            MediaProcessor.Processed p = processor.process(TestImages.concat(image, payload));
            assertThat(TestImages.contains(p.content(), ascii("<script"))).isFalse();
            assertThat(TestImages.contains(p.content(), ascii("PK\u0003\u0004"))).isFalse();
            assertThat(p.width()).isEqualTo(50);
        }
    }

    @Test
    void anImageHeaderFollowedByHtmlIsRefused() {
        assertThatThrownBy(() -> processor.process(ascii("GIF89a<html><script>alert(1)</script></html>")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("MEDIA_UNREADABLE"));
        byte[] jpegHead = TestImages.concat(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0},
                ascii("<script>alert(1)</script>"));
        assertThatThrownBy(() -> processor.process(jpegHead)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("MEDIA_UNREADABLE"));
    }

    @Test
    void svgIsRefusedWhateverItIsCalled() {
        byte[] svg = ascii("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"10\" height=\"10\"/></svg>");
        assertThatThrownBy(() -> processor.process(svg)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(415);
            assertThat(e.code()).isEqualTo("MEDIA_TYPE_UNSUPPORTED");
            assertThat(e.getMessage()).contains("SVG");
        });
        assertThatThrownBy(() -> processor.process(ascii("just text"))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(415));
    }

    @Test
    void gifAndWebpAreAccepted() throws IOException {
        MediaProcessor.Processed gif = processor.process(TestImages.gif(60, 30, 4));
        assertThat(gif.kind()).isEqualTo(MediaKind.PNG);
        assertThat(gif.width()).isEqualTo(60);
        assertThat(read(gif.content()).getHeight()).isEqualTo(30);
        for (byte[] webp : new byte[][]{TestImages.WEBP_LOSSY, TestImages.WEBP_LOSSLESS}) {
            MediaProcessor.Processed p = processor.process(webp);
            assertThat(p.width()).isEqualTo(1);
            assertThat(read(p.content())).isNotNull();
        }
    }
}
