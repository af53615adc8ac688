package io.aicodecraft.api.auth;

import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.Tier;
import io.aicodecraft.api.store.RedisCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The GCRA script on the shared Redis, without HTTP. */
class RateLimiterTest {
    /** The minute budget alone: days that never run out, and the default rate of each test's limiter. */
    private static final Tier UNLIMITED_DAYS = new Tier("test", Optional.empty(), Long.MAX_VALUE, Long.MAX_VALUE);
    private static RedisCache redis;
    private final UUID key = UUID.randomUUID();

    @BeforeAll
    static void connect() {
        redis = new RedisCache(TestServers.shared().redis());
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    private static RateDecision take(RateLimiter limiter, UUID key) {
        return limiter.take(key, UNLIMITED_DAYS, "/v1/test").orElseThrow(() -> new AssertionError("Redis is up, the limiter must answer"));
    }

    @Test
    void aFullBudgetMayBeSpentAtOnce() {
        RateLimiter limiter = new RateLimiter(redis, 30);

        for (int left = 29; left >= 0; left--) {
            RateDecision decision = take(limiter, key);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(left);
        }
        RateDecision refused = take(limiter, key);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(refused.reset()).isGreaterThan(Duration.ofSeconds(55)).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aKeyMarkedRevokedIsRefusedWhateverItsBudgetAndCountsNothing() {
        RateLimiter limiter = new RateLimiter(redis, 30);
        assertThat(take(limiter, key).verdict()).isEqualTo(RateDecision.Verdict.ALLOWED);

        assertThat(limiter.revoked(key, Duration.ofMinutes(11))).isTrue();

        RateDecision refused = take(limiter, key);
        assertThat(refused.verdict()).isEqualTo(RateDecision.Verdict.REVOKED);
        assertThat(refused.today().requests()).as("the refused request is not counted").isEqualTo(1);
        assertThat(take(limiter, UUID.randomUUID()).verdict()).as("another key").isEqualTo(RateDecision.Verdict.ALLOWED);
    }

    @Test
    void aRefusedRequestSpendsNothing() {
        RateLimiter limiter = new RateLimiter(redis, 2);
        take(limiter, key);
        take(limiter, key);

        RateDecision first = take(limiter, key);
        RateDecision second = take(limiter, key);

        assertThat(first.allowed()).isFalse();
        assertThat(second.allowed()).isFalse();
        assertThat(second.retryAfter()).as("refusals do not push the next allowed request back")
                .isLessThanOrEqualTo(first.retryAfter());
    }

    @Test
    void budgetComesBackAtTheSteadyRate() {
        // 600 a minute: one request back every 100 ms
        RateLimiter limiter = new RateLimiter(redis, 600);
        while (take(limiter, key).allowed()) {
            // spend the whole budget
        }

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> take(limiter, key).allowed());
    }

    @Test
    void aRedisThatLostItsScriptsIsTaughtAgain() {
        RateLimiter limiter = new RateLimiter(redis, 10);
        take(limiter, key);
        redis.attempt(jedis -> jedis.scriptFlush());

        RateDecision decision = take(limiter, key);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.remaining()).isEqualTo(8);
    }
}
