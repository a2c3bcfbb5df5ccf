package io.jingda.question;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the wire name (single, true_false, …) so the column reads the same as the files. */
@Converter
public class QuestionTypeConverter implements AttributeConverter<QuestionType, String> {
    @Override
    public String convertToDatabaseColumn(QuestionType t) {
        return t == null ? null : t.wire();
    }

    @Override
    public QuestionType convertToEntityAttribute(String s) {
        return s == null ? null : QuestionType.parse(s).orElseThrow();
    }
}
