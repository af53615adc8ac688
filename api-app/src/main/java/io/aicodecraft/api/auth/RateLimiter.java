package io.aicodecraft.api.auth;

import io.aicodecraft.api.config.Tier;
import io.aicodecraft.api.store.RedisCache;
import io.aicodecraft.api.store.RedisKeys;
import io.aicodecraft.api.store.RedisScript;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-key budget of requests per minute and a quota of requests and tokens per UTC day, in Redis. The minute
 * budget is the generic cell rate algorithm (GCRA); one Lua script checks both and counts the request in both or
 * in neither, atomically and in one round trip, so every API instance shares one budget per key and concurrent
 * requests can never both take the last slot. The clock is Redis's own (TIME), so instances with skewed clocks
 * agree, on the minute and on the day. A full minute budget may be spent at once; after that requests are let
 * through at the steady rate.
 */
public final class RateLimiter {
    /** See the script for its arguments and reply. */
    private static final RedisScript SCRIPT = RedisScript.load("rate-limit");
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    /** A day's counters outlive the day by one, for the flush to PostgreSQL to read them after midnight. */
    public static final Duration USAGE_LIFETIME = Duration.ofDays(2);

    private static final String LIFETIME_SECONDS = String.valueOf(USAGE_LIFETIME.toSeconds());

    private final RedisCache redis;
    private final int defaultRatePerMinute;
    private final Map<Tier, TierArguments> arguments = new ConcurrentHashMap<>();

    /** @param defaultRatePerMinute the budget of a tier that sets none ({@code AICC_RATE_LIMIT_PER_MINUTE}) */
    public RateLimiter(RedisCache redis, int defaultRatePerMinute) {
        this.redis = redis;
        this.defaultRatePerMinute = defaultRatePerMinute;
    }

    /**
     * Counts one request to {@code route} against the key's tier, unless a limit refuses it; empty when Redis cannot
     * be asked (the caller decides).
     */
    public Optional<RateDecision> take(UUID keyId, Tier tier, String route) {
        TierArguments limits = arguments.computeIfAbsent(tier, this::argumentsOf);
        List<String> keys = List.of(RedisKeys.rateLimit(keyId), RedisKeys.usagePrefix(keyId), RedisKeys.revokedKey(keyId));
        List<String> args = List.of(limits.interval(), limits.budget(), limits.requestsPerDay(), limits.tokensPerDay(),
                route, LIFETIME_SECONDS);
        return redis.attempt(jedis -> decision((List<?>) SCRIPT.run(jedis, keys, args), limits.budgetPerMinute(), tier));
    }

    /**
     * Marks {@code keyId} revoked for {@code lifetime} (at least as long as any instance may hold it in its cache), so
     * that {@link #take} refuses it on every instance from now on; false when Redis cannot be told.
     */
    public boolean revoked(UUID keyId, Duration lifetime) {
        return redis.attempt(jedis -> jedis.setex(RedisKeys.revokedKey(keyId), lifetime.toSeconds(), "1")).isPresent();
    }

    /** The script's arguments a tier fixes, as text: worked out once per tier, not on every request. */
    private record TierArguments(int budgetPerMinute, String interval, String budget, String requestsPerDay,
                                 String tokensPerDay) {
    }

    private TierArguments argumentsOf(Tier tier) {
        int budget = tier.ratePerMinute(defaultRatePerMinute);
        return new TierArguments(budget, String.valueOf(Math.max(1, MICROS_PER_MINUTE / budget)), String.valueOf(budget),
                String.valueOf(tier.requestsPerDay()), String.valueOf(tier.tokensPerDay()));
    }

    private static RateDecision decision(List<?> reply, int budget, Tier tier) {
        RateDecision.Verdict verdict = switch ((int) number(reply, 0)) {
            case 1 -> RateDecision.Verdict.ALLOWED;
            case 0 -> RateDecision.Verdict.RATE_LIMITED;
            case 2 -> RateDecision.Verdict.REQUESTS_PER_DAY_SPENT;
            case 3 -> RateDecision.Verdict.TOKENS_PER_DAY_SPENT;
            case 4 -> RateDecision.Verdict.REVOKED;
            default -> throw new IllegalStateException("the rate-limit script answered " + reply);
        };
        DayCount today = new DayCount(LocalDate.ofEpochDay(number(reply, 4)), number(reply, 5), number(reply, 6),
                micros(reply, 7));
        return new RateDecision(verdict, budget, number(reply, 1), micros(reply, 2), micros(reply, 3), tier, today);
    }

    private static Duration micros(List<?> reply, int index) {
        return Duration.ofNanos(number(reply, index) * 1000);
    }

    private static long number(List<?> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }
}
