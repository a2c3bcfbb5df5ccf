package io.jingda.system;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonErrorsTest {

    @Test
    void scrubKeepsTheLibrarysSentenceAndDropsClassNamesSourcesAndLocations() {
        assertEquals("Unexpected end tag: expected </row>",
                JsonErrors.scrub("com.fasterxml.aalto.WFCException: Unexpected end tag: expected </row>"
                        + "\n at [row,col {unknown-source}]: [1,40]"));
        assertEquals("Unexpected end tag", JsonErrors.scrub("com.fasterxml.aalto.WFCException: Unexpected end tag"));
        assertEquals("String value length (21) exceeds the maximum allowed (20)",
                JsonErrors.scrub("String value length (21) exceeds the maximum allowed (20, from"
                        + " `StreamReadConstraints.getMaxStringLength()`)"));
        assertEquals("Cannot deserialize a value from Array value",
                JsonErrors.scrub("Cannot deserialize `java.util.ArrayList<java.lang.String>` from Array value"
                        + " (token `JsonToken.START_ARRAY`)\n at [Source: REDACTED; line: 1, column: 1]"));
    }
}
