package io.jingda.media;

import io.jingda.system.ApiException;
import io.jingda.system.Hashing;
import net.coobird.thumbnailator.Thumbnails;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Turns an upload into the picture we store, or refuses it. The type comes from the first bytes and a
 * real decode, never from a name. The declared size is read from the header before any pixel is
 * decoded, so a PNG that declares 100000×100000 is refused without allocating it. A decode that warns
 * (a truncated JPEG) is refused. What is stored is always a fresh encoding of the decoded pixels (first
 * frame only; a JPEG turned upright by its EXIF orientation first), so no metadata (EXIF, GPS), no trailing payload of a polyglot and no ancillary chunk
 * survives. Pure Java: no Quarkus, no database.
 */
public final class MediaProcessor {
    private final int maxDimension;
    private final int scaleTo;
    private final float jpegQuality;

    public MediaProcessor(int maxDimension, int scaleTo, float jpegQuality) {
        this.maxDimension = maxDimension;
        this.scaleTo = scaleTo;
        this.jpegQuality = jpegQuality;
    }

    /** The re-encoded picture: its bytes, kind, size and hash. */
    public record Processed(byte[] content, MediaKind kind, int width, int height, String sha256) {
    }

    /** The formats we read, by their first bytes. */
    enum Input {
        PNG("png"), JPEG("jpeg"), GIF("gif"), WEBP("webp");

        final String readerName;

        Input(String readerName) {
            this.readerName = readerName;
        }
    }

    public Processed process(byte[] upload) {
        Input input = sniff(upload);
        BufferedImage image = decode(upload, input);
        if (Math.max(image.getWidth(), image.getHeight()) > scaleTo) {
            try {
                image = Thumbnails.of(image).size(scaleTo, scaleTo).keepAspectRatio(true).asBufferedImage();
            } catch (IOException e) {
                throw unreadable("it could not be scaled (" + e.getMessage() + ")");
            }
        }
        if (input == Input.JPEG) {
            // the EXIF orientation goes with the metadata: turn the (scaled) pixels upright first
            image = ExifOrientation.apply(image, ExifOrientation.of(upload));
        }
        // a JPEG stays a JPEG (photos); the others become PNG, or JPEG when a WebP has no transparency
        boolean jpeg = input == Input.JPEG || (input == Input.WEBP && !image.getColorModel().hasAlpha());
        byte[] out = jpeg ? writeJpeg(image) : writePng(image);
        return new Processed(out, jpeg ? MediaKind.JPEG : MediaKind.PNG, image.getWidth(), image.getHeight(),
                Hashing.sha256Hex(out));
    }

    static Input sniff(byte[] b) {
        if (startsWith(b, 0, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Input.PNG;
        }
        if (startsWith(b, 0, new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Input.JPEG;
        }
        if (startsWith(b, 0, ascii("GIF87a")) || startsWith(b, 0, ascii("GIF89a"))) {
            return Input.GIF;
        }
        if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
            return Input.WEBP;
        }
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("<svg")) {
            throw new ApiException(415, "MEDIA_TYPE_UNSUPPORTED",
                    "SVG pictures are refused (they can carry script); upload a PNG, JPEG, WebP or GIF", List.of());
        }
        throw new ApiException(415, "MEDIA_TYPE_UNSUPPORTED",
                "the file is not a PNG, JPEG, WebP or GIF picture (the type is read from its content, not its name)",
                List.of());
    }

    private BufferedImage decode(byte[] upload, Input input) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(input.readerName);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + input.readerName);
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw unreadable("it declares a size of " + width + "×" + height);
            }
            if (width > maxDimension || height > maxDimension) {
                throw new ApiException(422, "MEDIA_DIMENSIONS_TOO_LARGE", "the picture declares " + width + "×"
                        + height + " pixels; at most " + maxDimension + "×" + maxDimension + " are accepted", List.of());
            }
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw unreadable("it is damaged or incomplete (" + warnings.get(0) + ")");
            }
            if (image.getWidth() != width || image.getHeight() != height) {
                throw unreadable("its pixels do not match its declared size");
            }
            return image;
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO readers throw IIOException, but also IndexOutOfBounds, IllegalArgument, NegativeArraySize ...
            throw unreadable("it is damaged or incomplete");
        } finally {
            reader.dispose();
        }
    }

    private byte[] writeJpeg(BufferedImage image) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(jpegQuality);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] writePng(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed", e);
        }
        return bytes.toByteArray();
    }

    private static ApiException unreadable(String why) {
        return new ApiException(422, "MEDIA_UNREADABLE", "the picture cannot be read: " + why, List.of());
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (b.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
