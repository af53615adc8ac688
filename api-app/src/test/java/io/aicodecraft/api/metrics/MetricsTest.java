package io.aicodecraft.api.metrics;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.auth.KeyedApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /metrics} of a server of its own, so the counts are this test's alone. */
class MetricsTest {
    private static KeyedApi keyed;
    private static ApiClient api;
    private static String key;

    @BeforeAll
    static void start() {
        keyed = KeyedApi.start(10_000);
        api = keyed.client();
        key = keyed.newKey(UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        keyed.close();
    }

    private static String scrape() {
        Reply reply = api.get("/metrics");
        assertThat(reply.status()).isEqualTo(200);
        return reply.body().asText();
    }

    /** The value of the first sample whose line starts with {@code series} (name and labels as written). */
    private static double sample(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "[^ ]* ([0-9.eE+-]+)$").matcher(text);
        assertThat(m.find()).as("a sample of " + series + " in:\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private Reply generate(String prompt) {
        return api.withKey("POST", "/v1/generations", key, "{\"prompt\":\"" + prompt + "\",\"language\":\"java\"}");
    }

    @Test
    void isPrometheusTextWithoutAKey() {
        Reply reply = api.get("/metrics");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(reply.body().asText()).contains("# TYPE aicc_http_requests_seconds histogram");
    }

    @Test
    void requestsAreCountedByRouteAndStatusInAHistogram() {
        for (int i = 0; i < 3; i++) {
            api.withKey("GET", "/v1/generations", key, null);
        }
        api.withKey("GET", "/v1/generations?limit=0", key, null);

        String text = scrape();

        String ok = "aicc_http_requests_seconds_count{method=\"GET\",route=\"/v1/generations\",status=\"200\"}";
        String bad = "aicc_http_requests_seconds_count{method=\"GET\",route=\"/v1/generations\",status=\"400\"}";
        assertThat(sample(text, ok)).isGreaterThanOrEqualTo(3);
        assertThat(sample(text, bad)).isGreaterThanOrEqualTo(1);
        assertThat(text).contains("aicc_http_requests_seconds_bucket{method=\"GET\",route=\"/v1/generations\",status=\"200\",le=\"");
    }

    @Test
    void aSeriesHasADozenOrSoBucketsNotSeventy() {
        api.withKey("GET", "/v1/generations", key, null);

        long buckets = scrape().lines()
                .filter(line -> line.startsWith(
                        "aicc_http_requests_seconds_bucket{method=\"GET\",route=\"/v1/generations\",status=\"200\","))
                .count();

        assertThat(buckets).isBetween(10L, 20L);
    }

    @Test
    void aRequestRefusedBeforeRoutingIsCountedUnderTheRouteItWasSentTo() {
        api.withKey("POST", "/v1/generations", "not-a-key", "{}");
        api.withKey("GET", "/v1/chains/" + UUID.randomUUID(), null, null);

        String text = scrape();

        assertThat(sample(text, "aicc_http_requests_seconds_count{method=\"POST\",route=\"/v1/generations\",status=\"401\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(text, "aicc_http_requests_seconds_count{method=\"GET\",route=\"/v1/chains\",status=\"401\"}"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRequestOverItsBudgetIsCountedUnderItsRoute() {
        try (KeyedApi limited = KeyedApi.start(1)) {
            String spent = limited.newKey(UUID.randomUUID());
            ApiClient client = limited.client();
            client.withKey("GET", "/v1/generations", spent, null);

            assertThat(client.withKey("GET", "/v1/generations", spent, null).status()).isEqualTo(429);

            String text = client.get("/metrics").body().asText();
            assertThat(sample(text, "aicc_http_requests_seconds_count{method=\"GET\",route=\"/v1/generations\",status=\"429\"}"))
                    .isEqualTo(1);
        }
    }

    @Test
    void pathsThatMatchNoRouteShareOneSeries() {
        String random = "/no-such-" + UUID.randomUUID();
        api.withKey("GET", random, key, null);

        String text = scrape();

        assertThat(text).doesNotContain(random);
        assertThat(text).contains("route=\"none\",status=\"404\"");
    }

    @Test
    void cacheHitsMissesAndRatioAreCounted() {
        String text = scrape();
        String prompt = "metrics " + UUID.randomUUID();
        double hits = text.contains("aicc_cache_hits_total{cache=\"generation\"}")
                ? sample(text, "aicc_cache_hits_total{cache=\"generation\"}") : 0;
        double misses = text.contains("aicc_cache_misses_total{cache=\"generation\"}")
                ? sample(text, "aicc_cache_misses_total{cache=\"generation\"}") : 0;

        generate(prompt);
        generate(prompt);
        generate(prompt);

        String after = scrape();
        double hitsAfter = sample(after, "aicc_cache_hits_total{cache=\"generation\"}");
        double missesAfter = sample(after, "aicc_cache_misses_total{cache=\"generation\"}");
        assertThat(hitsAfter - hits).isEqualTo(2);
        assertThat(missesAfter - misses).isEqualTo(1);
        assertThat(sample(after, "aicc_cache_hit_ratio{cache=\"generation\"}"))
                .isCloseTo(hitsAfter / (hitsAfter + missesAfter), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theJvmIsMeasured() {
        String text = scrape();

        assertThat(text).contains("jvm_memory_used_bytes{area=\"heap\"");
        assertThat(sample(text, "jvm_classes_loaded_classes")).isPositive();
        assertThat(sample(text, "jvm_threads_live_threads")).isPositive();
        assertThat(sample(text, "process_uptime_seconds")).isPositive();
        assertThat(text).contains("jvm_gc_");
    }

    @Test
    void databasePoolIsMeasuredByHikari() {
        String text = scrape();

        assertThat(sample(text, "hikaricp_connections_active{pool=\"aicc-db\"}")).isGreaterThanOrEqualTo(0);
        assertThat(sample(text, "hikaricp_connections_idle{pool=\"aicc-db\"}")).isGreaterThanOrEqualTo(0);
        assertThat(sample(text, "hikaricp_connections_pending{pool=\"aicc-db\"}")).isGreaterThanOrEqualTo(0);
        assertThat(sample(text, "hikaricp_connections_max{pool=\"aicc-db\"}")).isEqualTo(10);
    }

    @Test
    void redisPoolIsMeasured() {
        generate("warm the redis pool " + UUID.randomUUID());

        String text = scrape();

        assertThat(sample(text, "aicc_redis_pool_active")).isGreaterThanOrEqualTo(0);
        assertThat(sample(text, "aicc_redis_pool_idle")).as("a connection went back to the pool").isGreaterThanOrEqualTo(1);
        assertThat(sample(text, "aicc_redis_pool_waiting")).isEqualTo(0);
    }
}
