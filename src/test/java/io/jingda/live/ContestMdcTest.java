package io.jingda.live;

import io.quarkus.logging.json.runtime.JsonFormatter;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** contestId in the MDC: set for the scope, put back when scopes nest, and written by the JSON log formatter. */
class ContestMdcTest {

    @Test
    void aScopeSetsTheContestAndPutsBackWhatItReplaced() {
        try (ContestMdc.Scope outer = ContestMdc.on(7)) {
            assertEquals("7", MDC.get(ContestMdc.KEY));
            try (ContestMdc.Scope inner = ContestMdc.on(8)) {
                assertEquals("8", MDC.get(ContestMdc.KEY));
            }
            assertEquals("7", MDC.get(ContestMdc.KEY));
        }
        assertNull(MDC.get(ContestMdc.KEY));
        ContestMdc.put(9);
        assertEquals("9", MDC.get(ContestMdc.KEY));
        ContestMdc.clear();
        assertNull(MDC.get(ContestMdc.KEY));
    }

    @Test
    void aJsonLogLineCarriesTheContestId() {
        String line;
        try (ContestMdc.Scope mdc = ContestMdc.on(42)) {
            ExtLogRecord record = new ExtLogRecord(Level.WARNING, "contest 42 is now run by another node",
                    ContestMdcTest.class.getName());
            record.setLoggerName("io.jingda.live.ContestLifecycle");
            record.copyMdc(); // what the log manager does when the line is written
            line = new JsonFormatter().format(record);
        }
        assertTrue(line.startsWith("{") && line.contains("\"mdc\":{\"contestId\":\"42\"}"), line);
        assertTrue(line.contains("\"level\":\"WARN"), line);
    }
}
