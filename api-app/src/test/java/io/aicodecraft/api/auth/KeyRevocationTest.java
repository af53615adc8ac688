package io.aicodecraft.api.auth;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.OwnRedis;
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

/**
 * Two API instances on one PostgreSQL and a Redis of their own: a key cached by one is refused by it on the request
 * after the other revoked it, with Redis up (the revocation feed) and down (no cache while the feed is away).
 */
class KeyRevocationTest {
    private static OwnRedis redis;
    private static KeyedApi first;
    private static KeyedApi second;

    @BeforeAll
    static void start() throws IOException {
        redis = OwnRedis.started();
        first = KeyedApi.start(redis.api(), 10_000, true);
        second = KeyedApi.start(redis.api(), 10_000, true);
    }

    @AfterAll
    static void stop() throws IOException {
        first.close();
        second.close();
        redis.stop();
    }

    private static double metric(KeyedApi api, String series) {
        String text = api.client().get("/metrics").body().asText();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static void awaitTrusted(KeyedApi api, boolean trusted) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> metric(api, "aicc_key_cache_trusted") == (trusted ? 1 : 0));
    }

    private static int history(KeyedApi api, String key) {
        return api.client().withKey("GET", "/v1/generations", key, null).status();
    }

    private static String keyId(String key) {
        Reply keys = first.client().withKey("GET", "/v1/keys", KeyedApi.ADMIN_KEY, null);
        for (var item : keys.body().path("items")) {
            if (key.startsWith("aicc_" + item.path("prefix").asText() + "_")) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError("no listed key has the prefix of " + key.substring(0, 17));
    }

    private static void revokeOnFirst(String key) {
        assertThat(first.client().withKey("DELETE", "/v1/keys/" + keyId(key), KeyedApi.ADMIN_KEY, null).status())
                .isEqualTo(204);
    }

    @Test
    void aKeyCachedByOneInstanceIsRefusedThereAsSoonAsTheOtherRevokesIt() {
        awaitTrusted(second, true);
        String key = first.newKey(UUID.randomUUID());
        double hits = metric(second, "cache_gets_total{cache=\"api-keys\",result=\"hit\"}");
        assertThat(history(second, key)).isEqualTo(200);
        assertThat(history(second, key)).isEqualTo(200);
        assertThat(metric(second, "cache_gets_total{cache=\"api-keys\",result=\"hit\"}") - hits)
                .as("the second request found the key in the cache").isGreaterThanOrEqualTo(1);

        revokeOnFirst(key);

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> history(second, key) == 401);
    }

    @Test
    void withRedisDownTheCacheIsNotUsedSoARevocationStillHoldsEverywhere() throws IOException {
        String key = first.newKey(UUID.randomUUID());
        awaitTrusted(second, true);
        assertThat(history(second, key)).isEqualTo(200);

        redis.whileDown(() -> {
            awaitTrusted(second, false);
            assertThat(history(second, key)).as("checked in PostgreSQL").isEqualTo(200);

            revokeOnFirst(key);

            assertThat(history(second, key)).isEqualTo(401);
        });
        awaitTrusted(second, true);
        assertThat(history(second, key)).isEqualTo(401);
    }
}
