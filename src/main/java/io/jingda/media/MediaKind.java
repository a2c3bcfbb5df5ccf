package io.jingda.media;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of stored pictures: every upload is re-encoded into one of these, served with its fixed type. */
public enum MediaKind {
    PNG("png", "image/png"),
    JPEG("jpg", "image/jpeg");

    private final String ext;
    private final String contentType;

    MediaKind(String ext, String contentType) {
        this.ext = ext;
        this.contentType = contentType;
    }

    public String ext() {
        return ext;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<MediaKind> byExt(String ext) {
        return Arrays.stream(values()).filter(k -> k.ext.equals(ext)).findFirst();
    }
}
