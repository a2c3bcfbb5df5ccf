package io.jingda.question.format;

import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionSetDto;
import io.jingda.question.SetFile;

import java.util.List;

/** The native format of {@code questions/} (YAML or JSON) as an import/export format. */
public final class NativeSetFormat implements QuestionFormat {
    private final NativeFormat.Syntax syntax;
    private final NativeFormat nativeFormat = new NativeFormat();

    public NativeSetFormat(NativeFormat.Syntax syntax) {
        this.syntax = syntax;
    }

    @Override
    public String id() {
        return syntax == NativeFormat.Syntax.YAML ? "yaml" : "json";
    }

    @Override
    public List<String> extensions() {
        return syntax == NativeFormat.Syntax.YAML ? List.of("yaml", "yml") : List.of("json");
    }

    @Override
    public String mediaType() {
        return syntax == NativeFormat.Syntax.YAML ? "application/yaml; charset=UTF-8" : "application/json; charset=UTF-8";
    }

    @Override
    public boolean sniff(String head) {
        String h = head.stripLeading();
        if (syntax == NativeFormat.Syntax.JSON) {
            return h.startsWith("{");
        }
        return h.startsWith("set:") || h.startsWith("---") || h.startsWith("questions:");
    }

    @Override
    public ParseResult parse(byte[] data, ImportLimits limits) throws FormatException {
        SetFile file = nativeFormat.read(data, syntax);
        ResultBuilder out = new ResultBuilder(id(), limits);
        out.encoding = "UTF-8";
        out.set = file.set();
        List<QuestionDto> qs = file.questions() == null ? List.of() : file.questions();
        for (int i = 0; i < qs.size(); i++) {
            out.countItem();
            out.question(new ParsedQuestion(qs.get(i), Position.NONE, java.util.Map.of(), "questions[" + i + "]."));
        }
        return out.build();
    }

    @Override
    public ExportResult write(QuestionSetDto set, List<QuestionDto> questions) {
        QuestionSetDto header = new QuestionSetDto(set.id(), set.title(), set.description(), set.language(),
                set.tags(), set.reports(), null);
        List<QuestionDto> body = questions.stream().map(q -> q.withSet(null)).toList();
        return new ExportResult(nativeFormat.write(new SetFile(header, body), syntax), List.of());
    }
}
