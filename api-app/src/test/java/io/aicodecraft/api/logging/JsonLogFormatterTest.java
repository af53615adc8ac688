package io.aicodecraft.api.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogFormatterTest {
    private final ObjectMapper json = new ObjectMapper();

    private static LogRecord record(String message, Throwable thrown, Object... parameters) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName("io.aicodecraft.api.Test");
        record.setInstant(Instant.parse("2026-12-02T10:15:30.123Z"));
        record.setParameters(parameters);
        record.setThrown(thrown);
        return record;
    }

    @Test
    void aRecordIsOneLineOfJsonWithItsFields() throws Exception {
        String line = new JsonLogFormatter().format(record("a \"quoted\"\nmessage for {0}", null, "you"));

        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode parsed = json.readTree(line);
        assertThat(parsed.path("time").asText()).isEqualTo("2026-12-02T10:15:30.123Z");
        assertThat(parsed.path("level").asText()).isEqualTo("WARNING");
        assertThat(parsed.path("logger").asText()).isEqualTo("io.aicodecraft.api.Test");
        assertThat(parsed.path("message").asText()).isEqualTo("a \"quoted\"\nmessage for you");
        assertThat(parsed.has("thrown")).isFalse();
    }

    @Test
    void anExceptionIsItsStackTraceInOneField() throws Exception {
        JsonNode parsed = json.readTree(new JsonLogFormatter().format(record("failed", new IllegalStateException("boom"))));

        assertThat(parsed.path("thrown").asText()).startsWith("java.lang.IllegalStateException: boom")
                .contains("at io.aicodecraft.api.logging.JsonLogFormatterTest");
    }
}
