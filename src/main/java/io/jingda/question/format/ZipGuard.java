package io.jingda.question.format;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;

/**
 * Inflates every entry of an XLSX (a zip) before the reader sees it, counting bytes, so a zip bomb
 * is refused after at most {@code maxUnzippedBytes} of work. The XLSX reader has no such limits of
 * its own. Entries are taken from the central directory, as the reader takes them, so overlapping
 * entries are counted every time they are referenced.
 */
public final class ZipGuard {
    private ZipGuard() {
    }

    public static void check(byte[] data, ImportLimits limits) throws FormatException {
        check(data, limits, "XLSX");
    }

    /** The same guard for any zip; {@code what} names the file in messages ("XLSX", "zip"). */
    public static void check(byte[] data, ImportLimits limits, String what) throws FormatException {
        long total = 0;
        int count = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(data)).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                if (++count > limits.maxZipEntries()) {
                    throw new FormatException("the " + what + " holds more than " + limits.maxZipEntries() + " parts", null, null);
                }
                if (e.isDirectory()) {
                    continue;
                }
                if (!zip.canReadEntryData(e)) {
                    throw new FormatException("the " + what + " is encrypted or uses an unsupported compression", null, null);
                }
                try (InputStream in = zip.getInputStream(e)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        total += n;
                        if (total > limits.maxUnzippedBytes()) {
                            throw new FormatException("the " + what + " unpacks to more than " + limits.maxUnzippedBytes() / 1024 / 1024
                                    + " MB: refused as a possible zip bomb", null, null);
                        }
                    }
                }
            }
        } catch (FormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FormatException("the file is not a readable " + what + " (damaged or truncated zip: " + e.getMessage() + ")",
                    null, null);
        }
        if (count == 0) {
            throw new FormatException("the file is not a readable " + what + " (empty zip)", null, null);
        }
    }
}
