package io.jingda.question;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.jingda.system.JsonText;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores a string-to-string map as a JSON object in one column (the set's report titles). */
@Converter
public class StringMapConverter implements AttributeConverter<Map<String, String>, String> {
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() { };

    @Override
    public String convertToDatabaseColumn(Map<String, String> map) {
        return map == null || map.isEmpty() ? null : JsonText.write(map);
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String json) {
        try {
            return json == null ? Map.of() : Collections.unmodifiableMap(JsonText.read(json, MAP));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
