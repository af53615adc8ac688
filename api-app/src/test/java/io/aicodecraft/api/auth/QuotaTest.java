package io.aicodecraft.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.config.QuotaConfig;
import io.aicodecraft.api.config.Tier;
import io.aicodecraft.api.store.RedisCache;
import io.aicodecraft.api.store.RedisKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Daily quotas per key tier and {@code GET /v1/usage}, over HTTP on the shared PostgreSQL and Redis. */
class QuotaTest {
    private static final int PER_DAY = 4;
    private static final Map<String, String> IDS = new ConcurrentHashMap<>();
    private static KeyedApi keyed;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        QuotaConfig quota = QuotaConfig.defaults()
                .withTier(new Tier("tiny", Optional.empty(), PER_DAY, 1_000_000))
                .withTier(new Tier("fewtokens", Optional.empty(), 1_000, 1))
                .withFlushInterval(Duration.ofMillis(100));
        keyed = KeyedApi.start(1_000, quota);
        api = keyed.client();
    }

    @AfterAll
    static void stop() {
        keyed.close();
    }

    private static String key(String tier) {
        Reply created = api.withKey("POST", "/v1/keys", KeyedApi.ADMIN_KEY,
                "{\"name\":\"quota\",\"tier\":\"" + tier + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("tier").asText()).isEqualTo(tier);
        String key = created.body().path("key").asText();
        IDS.put(key, created.body().path("id").asText());
        return key;
    }

    private static Reply history(String key) {
        return api.withKey("GET", "/v1/generations?limit=1", key, null);
    }

    private static JsonNode usage(String key) {
        Reply reply = api.withKey("GET", "/v1/usage", key, null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body();
    }

    private static long routeRequests(JsonNode day, String route) {
        for (JsonNode r : day.path("routes")) {
            if (r.path("route").asText().equals(route)) {
                return r.path("requests").asLong();
            }
        }
        return 0;
    }

    @Test
    void requestsBeyondTheDailyQuotaAre429QuotaExceededUntilUtcMidnight() {
        String key = key("tiny");
        for (int i = 0; i < PER_DAY; i++) {
            assertThat(history(key).status()).isEqualTo(200);
        }

        Reply refused = history(key);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.body().path("type").asText()).isEqualTo("https://aicodecraft.io/problems/quota-exceeded");
        Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        assertThat(Instant.parse(refused.body().path("reset").asText())).isEqualTo(midnight);
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, Duration.between(Instant.now(), midnight).toSeconds() + 1);
    }

    @Test
    void aRefusedRequestIsNotCounted() {
        String key = key("tiny");
        for (int i = 0; i < PER_DAY + 3; i++) {
            history(key);
        }
        // the usage request itself is refused too (the quota is spent), so read it with the admin key
        Reply all = api.withKey("GET", "/v1/usage?keyId=" + keyId(key), KeyedApi.ADMIN_KEY, null);

        JsonNode today = all.body().path("items").path(0).path("today");
        assertThat(today.path("requests").asLong()).isEqualTo(PER_DAY);
        assertThat(all.body().path("items").path(0).path("remainingRequests").asLong()).isZero();
    }

    @Test
    void usageCountsEachRouteAgainstTheTiersLimits() {
        String key = key("pro");
        history(key);
        history(key);
        api.withKey("POST", "/v1/generations", key, "{\"prompt\":\"usage " + UUID.randomUUID()
                + "\",\"language\":\"java\"}");

        JsonNode usage = usage(key);

        JsonNode today = usage.path("today");
        assertThat(routeRequests(today, "/v1/generations")).isEqualTo(3);
        assertThat(routeRequests(today, "/v1/usage")).as("this request counts itself").isEqualTo(1);
        assertThat(today.path("requests").asLong()).isEqualTo(4);
        assertThat(today.path("tokens").asLong()).as("the model call's estimated tokens").isPositive();
        assertThat(usage.path("limits").path("tier").asText()).isEqualTo("pro");
        assertThat(usage.path("limits").path("requestsPerDay").asLong()).isEqualTo(20_000);
        assertThat(usage.path("remainingRequests").asLong()).isEqualTo(20_000 - 4);
    }

    @Test
    void aSpentTokenQuotaRefusesTheNextRequest() {
        String key = key("fewtokens");
        Reply generated = api.withKey("POST", "/v1/generations", key, "{\"prompt\":\"tokens " + UUID.randomUUID()
                + "\",\"language\":\"java\"}");
        assertThat(generated.status()).isEqualTo(200);

        Reply refused = history(key);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().path("type").asText()).endsWith("/quota-exceeded");
        assertThat(refused.body().path("detail").asText()).contains("tokens");
    }

    @Test
    void todaysUsageSurvivesLosingRedisOnceCopiedToPostgres() throws SQLException {
        String key = key("pro");
        history(key);
        history(key);
        String id = keyId(key);
        await().atMost(Duration.ofSeconds(10)).until(() -> copiedRequests(id) == 2);

        try (RedisCache redis = new RedisCache(TestServers.shared().redis())) {
            redis.attempt(jedis -> jedis.del(RedisKeys.usage(UUID.fromString(id), LocalDate.now(ZoneOffset.UTC))));
        }

        JsonNode today = usage(key).path("today");
        assertThat(routeRequests(today, "/v1/generations")).isEqualTo(2);
    }

    @Test
    void theAdminSeesEveryKeysUsage() {
        String first = key("pro");
        String second = key("tiny");
        history(first);
        history(second);

        Reply all = api.withKey("GET", "/v1/usage", KeyedApi.ADMIN_KEY, null);

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().path("items").findValuesAsText("keyId")).contains(keyId(first), keyId(second));
    }

    @Test
    void anUnknownTierIsA400NamingTheField() {
        Reply refused = api.withKey("POST", "/v1/keys", KeyedApi.ADMIN_KEY, "{\"name\":\"x\",\"tier\":\"gold\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.body().path("field").asText()).isEqualTo("tier");
    }

    @Test
    void aKeyWithoutATierHasTheDefaultTierWhichShowsNoDailyLimit() {
        String key = keyed.newKey(UUID.randomUUID());

        JsonNode usage = usage(key);
        assertThat(usage.path("limits").path("tier").asText()).isEqualTo("standard");
        assertThat(usage.path("limits").path("requestsPerDay").isNull()).as("no daily quota: null").isTrue();
        assertThat(usage.path("remainingRequests").isNull()).isTrue();
    }

    /** The requests PostgreSQL holds for the key today, as the flush copied them. */
    private static long copiedRequests(String keyId) throws SQLException {
        DatabaseConfig db = TestServers.shared().database();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement select = c.prepareStatement(
                     "SELECT coalesce(sum(requests), 0) FROM usage_daily WHERE key_id = ? AND day = ?")) {
            select.setObject(1, UUID.fromString(keyId));
            select.setObject(2, LocalDate.now(ZoneOffset.UTC));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String keyId(String key) {
        return IDS.get(key);
    }
}
