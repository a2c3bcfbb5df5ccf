package io.jingda.question;

import io.jingda.system.JsonText;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/** Stores a list of strings as a JSON array in one column, portable across H2 and PostgreSQL. */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {
    @Override
    public String convertToDatabaseColumn(List<String> list) {
        return list == null ? null : JsonText.write(list);
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        return json == null ? null : List.copyOf(JsonText.strings(json));
    }
}
