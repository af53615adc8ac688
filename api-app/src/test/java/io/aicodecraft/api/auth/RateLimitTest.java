package io.aicodecraft.api.auth;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A budget of 5 requests per minute per key, over HTTP. */
class RateLimitTest {
    private static final int BUDGET = 5;
    private static KeyedApi keyed;
    private static ApiClient api;
    private final String key = keyed.newKey(UUID.randomUUID());

    @BeforeAll
    static void start() {
        keyed = KeyedApi.start(BUDGET);
        api = keyed.client();
    }

    @AfterAll
    static void stop() {
        keyed.close();
    }

    private static Reply history(ApiClient client, String key) {
        return client.withKey("GET", "/v1/generations?limit=1", key, null);
    }

    @Test
    void everyAnswerTellsTheBudgetAndWhatIsLeft() {
        for (int left = BUDGET - 1; left >= 0; left--) {
            Reply reply = history(api, key);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("RateLimit-Limit")).contains(String.valueOf(BUDGET));
            assertThat(reply.header("RateLimit-Remaining")).contains(String.valueOf(left));
            assertThat(Long.parseLong(reply.header("RateLimit-Reset").orElseThrow())).isBetween(1L, 60L);
        }
    }

    @Test
    void requestBeyondTheBudgetIs429WithRetryAfter() {
        for (int i = 0; i < BUDGET; i++) {
            history(api, key);
        }

        Reply refused = history(api, key);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.body().path("type").asText()).endsWith("/rate-limited");
        // one request's worth of budget comes back every 60 / 5 = 12 s
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 12L);
        assertThat(refused.header("RateLimit-Remaining")).contains("0");
    }

    @Test
    void eachKeyHasABudgetOfItsOwn() {
        for (int i = 0; i <= BUDGET; i++) {
            history(api, key);
        }
        String other = keyed.newKey(UUID.randomUUID());

        assertThat(history(api, key).status()).isEqualTo(429);
        assertThat(history(api, other).status()).isEqualTo(200);
    }

    @Test
    void instancesShareOneBudgetPerKey() {
        try (KeyedApi second = KeyedApi.start(BUDGET)) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i <= BUDGET; i++) {
                statuses.add(history(i % 2 == 0 ? api : second.client(), key).status());
            }

            assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
        }
    }

    @Test
    void concurrentRequestsNeverSpendMoreThanTheBudget() throws Exception {
        List<Future<Integer>> replies = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4 * BUDGET; i++) {
                replies.add(clients.submit(() -> history(api, key).status()));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> reply : replies) {
            statuses.add(reply.get());
        }

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(BUDGET);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(3 * BUDGET);
    }
}
