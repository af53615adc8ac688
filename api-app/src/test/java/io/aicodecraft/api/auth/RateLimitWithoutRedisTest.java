package io.aicodecraft.api.auth;

import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.OwnRedis;
import io.aicodecraft.api.config.ApiConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A Redis of its own, stopped under two APIs: one failing open (the default), one failing closed. */
class RateLimitWithoutRedisTest {
    private static final Pattern UNAVAILABLE = Pattern.compile(
            "aicc_rate_limit_unavailable_total\\{outcome=\"(allowed|refused)\"} (\\d+\\.\\d+)");
    private static OwnRedis redis;
    private static KeyedApi open;
    private static KeyedApi closed;
    private static String key;

    @BeforeAll
    static void start() throws IOException {
        redis = OwnRedis.started();
        ApiConfig own = redis.api();
        open = KeyedApi.start(own, 100, true);
        closed = KeyedApi.start(own, 100, false);
        key = open.newKey(UUID.randomUUID());
    }

    @AfterAll
    static void stop() throws IOException {
        open.close();
        closed.close();
        redis.close();
    }

    private static Reply call(KeyedApi api) {
        return api.client().withKey("GET", "/v1/generations?limit=1", key, null);
    }

    private static double unavailableCount(KeyedApi api) {
        Matcher m = UNAVAILABLE.matcher(api.client().get("/metrics").body().asText());
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }


    @Test
    void byDefaultRequestsPassUnlimitedAndAreCounted() throws IOException {
        double before = unavailableCount(open);
        redis.whileDown(() -> {
            Reply reply = call(open);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("RateLimit-Remaining")).as("no budget is known without Redis").isEmpty();
        });

        assertThat(unavailableCount(open)).isEqualTo(before + 1);
    }

    @Test
    void failingClosedRequestsAre503ProblemsWithRetryAfter() throws IOException {
        redis.whileDown(() -> {
            Reply reply = call(closed);

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.body().path("type").asText()).endsWith("/rate-limiter-unavailable");
            assertThat(reply.header("Retry-After")).contains("1");
        });
        assertThat(UNAVAILABLE.matcher(closed.client().get("/metrics").body().asText()).results()
                .anyMatch(m -> m.group(1).equals("refused") && Double.parseDouble(m.group(2)) >= 1)).isTrue();
    }

    @Test
    void limitingResumesByItselfWhenRedisReturns() throws IOException {
        redis.whileDown(() -> assertThat(call(open).status()).isEqualTo(200));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(call(open).header("RateLimit-Remaining")).isPresent());
    }
}
