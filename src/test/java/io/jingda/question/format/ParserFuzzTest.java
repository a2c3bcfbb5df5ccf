package io.jingda.question.format;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz tests for every parser: any input either parses or throws {@link FormatException}; any other
 * exception or error is a bug. On {@code ./mvnw verify} they replay the saved inputs under
 * src/test/resources/io/jingda/question/io/ParserFuzzTestInputs/&lt;method&gt;/; to fuzz for real:
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=ParserFuzzTest#csv} (new findings are saved there too).
 */
class ParserFuzzTest {
    /** Small limits so the fuzzer reaches them. */
    private static final ImportLimits LIMITS = new ImportLimits(1 << 20, 200, 4_096, 4L << 20, 64);

    private static void parse(QuestionFormat f, byte[] data) {
        try {
            ParseResult r = f.parse(data, LIMITS);
            // the rules must cope with whatever a parser hands them
            r.questions().forEach(q -> io.jingda.question.QuestionRules.check(q.question(), q.fieldPrefix()));
        } catch (FormatException expected) {
            // the one declared failure
        }
    }

    @FuzzTest(maxDuration = "30s")
    void csv(byte[] data) {
        parse(new CsvFormat(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void xlsx(byte[] data) {
        parse(new XlsxFormat(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void gift(byte[] data) {
        parse(new GiftFormat(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void aiken(byte[] data) {
        parse(new AikenFormat(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void moodleXml(byte[] data) {
        parse(new MoodleXmlFormat(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void yaml(byte[] data) {
        parse(new NativeSetFormat(NativeFormat.Syntax.YAML), data);
    }

    @FuzzTest(maxDuration = "30s")
    void json(byte[] data) {
        parse(new NativeSetFormat(NativeFormat.Syntax.JSON), data);
    }
}
