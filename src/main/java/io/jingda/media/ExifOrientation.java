package io.jingda.media;

import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of IFD0 in its APP1 "Exif" segment), applied to the pixels
 * before the metadata is dropped, so a phone photo taken upright stays upright. Read by hand with bounds
 * checks on every offset: a malformed segment gives orientation 1 (as stored), never an exception.
 */
final class ExifOrientation {
    private ExifOrientation() {
    }

    /** 1 to 8 as in EXIF; 1 when there is none or it cannot be read. */
    static int of(byte[] jpeg) {
        int i = 2; // after SOI
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff) {
            int marker = jpeg[i + 1] & 0xff;
            if (marker == 0xda || marker == 0xd9) {
                return 1; // start of scan, end of image: no Exif before the pixels
            }
            int len = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
            if (len < 2 || i + 2 + len > jpeg.length) {
                return 1;
            }
            if (marker == 0xe1 && len >= 8 && jpeg[i + 4] == 'E' && jpeg[i + 5] == 'x' && jpeg[i + 6] == 'i'
                    && jpeg[i + 7] == 'f') {
                return fromTiff(jpeg, i + 10, i + 2 + len);
            }
            i += 2 + len;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return 1;
        }
        boolean little = b[start] == 'I' && b[start + 1] == 'I';
        if (!little && !(b[start] == 'M' && b[start + 1] == 'M')) {
            return 1;
        }
        long ifd = u32(b, start + 4, little);
        if (ifd < 8 || start + ifd + 2 > end) {
            return 1;
        }
        int at = (int) (start + ifd);
        int count = u16(b, at, little);
        for (int k = 0; k < count; k++) {
            int e = at + 2 + k * 12;
            if (e + 12 > end) {
                return 1;
            }
            if (u16(b, e, little) == 0x0112) {
                int v = u16(b, e + 8, little);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 : (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at, boolean little) {
        return little ? (u16(b, at, true) | (long) u16(b, at + 2, true) << 16)
                : ((long) u16(b, at, false) << 16 | u16(b, at + 2, false));
    }

    /** The image turned upright for an EXIF orientation (2 to 8 mirror and/or rotate; 1 is as stored). */
    static BufferedImage apply(BufferedImage img, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int[] in = img.getRGB(0, 0, w, h, null, 0, w);
        int[] out = new int[in.length];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                // the stored pixel shown at (x, y)
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                out[y * ow + x] = in[sy * w + sx];
            }
        }
        BufferedImage turned = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        turned.setRGB(0, 0, ow, oh, out, 0, ow);
        return turned;
    }
}
