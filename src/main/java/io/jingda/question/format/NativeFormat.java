package io.jingda.question.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.jingda.question.SetFile;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The native question-set format of {@code questions/}: one set per file, YAML or JSON.
 * Unknown fields are errors, so a misspelt key never silently drops data.
 */
public final class NativeFormat {
    private static final int MAX_DEPTH = 64;

    public enum Syntax { YAML, JSON }

    private final ObjectMapper yaml;
    private final ObjectMapper json;

    public NativeFormat() {
        LoaderOptions lo = new LoaderOptions();
        lo.setNestingDepthLimit(MAX_DEPTH);
        lo.setMaxAliasesForCollections(50);
        lo.setCodePointLimit(20 * 1024 * 1024);
        YAMLFactory yf = YAMLFactory.builder().loaderOptions(lo)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        this.yaml = configure(new ObjectMapper(yf));
        this.json = configure(JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build()).build());
    }

    private static ObjectMapper configure(ObjectMapper m) {
        return m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    }

    public static Syntax syntaxOf(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return Syntax.YAML;
        }
        if (n.endsWith(".json")) {
            return Syntax.JSON;
        }
        return null;
    }

    public SetFile read(byte[] data, Syntax syntax) throws FormatException {
        String text = utf8(data);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            SetFile f = (syntax == Syntax.YAML ? yaml : json).readValue(text, SetFile.class);
            if (f == null) {
                throw new FormatException("the file is empty", 1, null);
            }
            return f;
        } catch (JsonMappingException e) {
            throw new FormatException(describe(e), line(e.getLocation()),
                    io.jingda.system.JsonText.path(e).isEmpty() ? null : io.jingda.system.JsonText.path(e));
        } catch (JsonProcessingException e) {
            throw new FormatException("not valid " + syntax + ": "
                    + io.jingda.system.JsonErrors.scrub(e.getOriginalMessage()), line(e.getLocation()), null);
        } catch (RuntimeException | StackOverflowError e) {
            // snakeyaml reports some limits (nesting, aliases) as runtime exceptions
            throw new FormatException("not valid " + syntax + ": " + io.jingda.system.JsonErrors.scrub(e.getMessage()),
                    null, null);
        } catch (IOException e) {
            throw new FormatException("cannot read the file: " + e.getMessage(), null, null);
        }
    }

    public byte[] write(SetFile file, Syntax syntax) {
        try {
            return (syntax == Syntax.YAML ? yaml : json).writeValueAsBytes(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(byte[] data) throws FormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException("the file is not valid UTF-8", null, null);
        }
    }

    private static String describe(JsonMappingException e) {
        return io.jingda.system.JsonErrors.describe(e).sentence();
    }

    private static Integer line(JsonLocation loc) {
        return loc == null || loc.getLineNr() <= 0 ? null : loc.getLineNr();
    }
}
