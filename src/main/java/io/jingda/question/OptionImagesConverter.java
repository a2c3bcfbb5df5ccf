package io.jingda.question;

import io.jingda.system.JsonText;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The option pictures: a JSON array parallel to the options, {@code null} where an option has none. */
@Converter
public class OptionImagesConverter implements AttributeConverter<List<String>, String> {
    @Override
    public String convertToDatabaseColumn(List<String> list) {
        return list == null || list.stream().allMatch(s -> s == null) ? null : JsonText.write(list);
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        JsonText.tree(json).forEach(n -> out.add(n.isNull() ? null : n.asText()));
        return Collections.unmodifiableList(out);
    }
}
