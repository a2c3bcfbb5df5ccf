package io.jingda.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One catalog per language, with the same keys, and every key the pages ask for is in them. */
class MessageCatalogTest {
    static final Path STATIC = Path.of("src/main/resources/META-INF/resources/static");

    static Map<String, String> catalog(String lang) throws IOException {
        return new ObjectMapper().readValue(STATIC.resolve("i18n/" + lang + ".json").toFile(), new TypeReference<>() {
        });
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Map<String, String> zh = catalog("zh-CN");
        Map<String, String> en = catalog("en");
        assertThat(en.keySet()).isEqualTo(zh.keySet());
        assertThat(zh.values()).noneMatch(String::isBlank);
        assertThat(en.values()).noneMatch(String::isBlank);
    }

    @Test
    void everyKeyUsedByThePagesExists() throws IOException {
        Set<String> keys = catalog("zh-CN").keySet();
        Set<String> used = new TreeSet<>();
        // t('key') literals, and keys passed to the helpers that translate them
        Pattern p = Pattern.compile("\\bt\\('([\\w.]+)'|(?:field|editorField)\\('[^']*', '([\\w.]+)'|'([a-z]+\\.[\\w.]+)'");
        try (Stream<Path> files = Files.list(STATIC)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".js")).toList()) {
                Matcher m = p.matcher(Files.readString(f));
                while (m.find()) {
                    String k = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    if (k.contains(".") && !k.endsWith(".js") && !k.endsWith(".json") && !k.startsWith("jingda.")) {
                        used.add(k);
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }
}
