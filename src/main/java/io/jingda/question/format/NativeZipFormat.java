package io.jingda.question.format;

import io.jingda.media.MediaUrls;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionSetDto;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The native format with its pictures: a zip of one set file ({@code .yaml}, {@code .yml} or {@code .json})
 * and picture files, which the set file names by their path in the zip ({@code image: images/yanan.jpg}).
 * The zip passes {@link ZipGuard} first (entries, unpacked size). Pictures are only collected here;
 * the import checks and stores them as uploads are ({@code ImportPictures}).
 */
public final class NativeZipFormat implements QuestionFormat {
    static final String SET_FILE = "set.yaml";
    static final String PICTURE_DIR = "images/";

    private final NativeSetFormat yaml = new NativeSetFormat(NativeFormat.Syntax.YAML);
    private final NativeSetFormat json = new NativeSetFormat(NativeFormat.Syntax.JSON);

    @Override
    public String id() {
        return "zip";
    }

    @Override
    public List<String> extensions() {
        return List.of("zip");
    }

    @Override
    public String mediaType() {
        return "application/zip";
    }

    @Override
    public ParseResult parse(byte[] data, ImportLimits limits) throws FormatException {
        ZipGuard.check(data, limits, "zip");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(data)).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String name = normalize(e.getName());
                if (files.containsKey(name)) {
                    throw new FormatException("the zip holds '" + name + "' twice", null, null);
                }
                try (InputStream in = zip.getInputStream(e)) {
                    files.put(name, in.readAllBytes());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new FormatException("the file is not a readable zip (" + e.getMessage() + ")", null, null);
        }
        List<String> sets = files.keySet().stream().filter(NativeZipFormat::isSetFile)
                .filter(n -> !n.startsWith("__MACOSX/")).toList();
        if (sets.size() != 1) {
            throw new FormatException(sets.isEmpty()
                    ? "the zip holds no set file (a .yaml, .yml or .json file beside its pictures)"
                    : "the zip holds " + sets.size() + " set files (" + String.join(", ", sets) + "); put one per zip",
                    null, null);
        }
        String setName = sets.get(0);
        byte[] setFile = files.remove(setName);
        ParseResult parsed = (setName.endsWith(".json") ? json : yaml).parse(setFile, limits);
        return new ParseResult(id(), parsed.encoding(), parsed.set(), parsed.category(), parsed.questions(),
                parsed.errors(), parsed.warnings(), parsed.skipped(), Map.copyOf(files));
    }

    /** A zip with the set file only: without the bank's pictures at hand, they stay as URLs. */
    @Override
    public ExportResult write(QuestionSetDto set, List<QuestionDto> questions) {
        return write(set, questions, url -> Optional.empty());
    }

    /**
     * The set file and every picture its questions use, under {@code images/{sha256}.{ext}}; the set
     * file names them by that path. A picture {@code pictures} cannot give stays a URL.
     */
    public ExportResult write(QuestionSetDto set, List<QuestionDto> questions, Function<String, Optional<byte[]>> pictures) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Function<String, String> local = url -> {
            Optional<MediaUrls.Ref> ref = MediaUrls.parse(url);
            if (ref.isEmpty()) {
                return url;
            }
            String path = PICTURE_DIR + ref.get().sha256() + "." + ref.get().kind().ext();
            if (files.containsKey(path)) {
                return path;
            }
            Optional<byte[]> bytes = pictures.apply(url);
            bytes.ifPresent(b -> files.put(path, b));
            return bytes.isPresent() ? path : url;
        };
        List<QuestionDto> out = new ArrayList<>();
        for (QuestionDto q : questions) {
            List<String> optionImages = q.optionImages() == null ? null
                    : q.optionImages().stream().map(u -> u == null ? null : local.apply(u)).toList();
            out.add(new QuestionDto(q.id(), q.set(), q.type(), q.stem(), q.options(), q.answer(), q.tolerance(),
                    q.explanation(), q.source(), q.tags(), q.difficulty(), q.timeLimit(), q.points(), q.related(),
                    q.image() == null ? null : local.apply(q.image()), optionImages));
        }
        ExportResult setFile = yaml.write(set, out);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            put(zip, SET_FILE, setFile.data());
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                put(zip, f.getKey(), f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportResult(bytes.toByteArray(), setFile.omitted());
    }

    private static void put(ZipArchiveOutputStream zip, String name, byte[] data) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setSize(data.length);
        zip.putArchiveEntry(e);
        zip.write(data);
        zip.closeArchiveEntry();
    }

    private static boolean isSetFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /** A zip path as the set file names it: forward slashes, no leading {@code ./} or {@code /}. */
    public static String normalize(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.substring(n.startsWith("./") ? 2 : 1);
        }
        return n;
    }
}
