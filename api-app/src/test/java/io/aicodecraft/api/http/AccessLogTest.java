package io.aicodecraft.api.http;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.auth.KeyedApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The access log of a server of its own, read from its logger. */
class AccessLogTest {
    private static final Logger ACCESS = Logger.getLogger(AccessLog.LOGGER);
    private static final Queue<String> LINES = new ConcurrentLinkedQueue<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LINES.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static KeyedApi keyed;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        ACCESS.setLevel(Level.INFO);
        ACCESS.addHandler(CAPTURE);
        keyed = KeyedApi.start(10_000);
        api = keyed.client();
    }

    @AfterAll
    static void stop() {
        keyed.close();
        ACCESS.removeHandler(CAPTURE);
        ACCESS.setLevel(null);
    }

    private static String lineWith(String part) {
        await().atMost(Duration.ofSeconds(10)).until(() -> LINES.stream().anyMatch(line -> line.contains(part)));
        return LINES.stream().filter(line -> line.contains(part)).findFirst().orElseThrow();
    }

    @Test
    void aRequestIsOneLineWithMethodRouteStatusTimeAndKeyIdButNeverTheKey() {
        ApiClient.Reply created = api.withKey("POST", "/v1/keys", KeyedApi.ADMIN_KEY,
                "{\"name\":\"access log\",\"owner\":\"" + UUID.randomUUID() + "\"}");
        String key = created.body().path("key").asText();
        String keyId = created.body().path("id").asText();
        UUID chain = UUID.randomUUID();

        api.withKey("GET", "/v1/chains/" + chain, key, null);

        String line = lineWith("/v1/chains/" + chain);
        assertThat(line).startsWith("GET /v1/chains/" + chain + " route=/v1/chains/{id} status=404 ms=")
                .endsWith(" key=" + keyId)
                .doesNotContain(key);
    }

    @Test
    void aRefusedRequestIsLoggedUnderItsRouteWithoutAKeyId() {
        String wrong = "not-a-key-" + UUID.randomUUID();

        api.withKey("POST", "/v1/generations", wrong, "{}");

        String line = lineWith("route=/v1/generations status=401");
        assertThat(line).startsWith("POST /v1/generations ").endsWith(" key=-").doesNotContain(wrong);
    }
}
