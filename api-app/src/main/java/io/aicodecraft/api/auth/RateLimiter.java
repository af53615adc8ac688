package io.aicodecraft.api.auth;

import io.aicodecraft.api.store.RedisCache;
import io.aicodecraft.api.store.RedisKeys;
import io.aicodecraft.api.store.RedisScript;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A per-key budget of requests per minute in Redis, by the generic cell rate algorithm (GCRA): one Lua script reads
 * and moves the key's "theoretical arrival time" atomically, so every API instance shares one budget per key and
 * concurrent requests can never both take the last slot. The clock is Redis's own (TIME), so instances with skewed
 * clocks agree. A full budget may be spent at once; after that requests are let through at the steady rate.
 */
public final class RateLimiter {
    /** GCRA in one round trip; see the script for its arguments and reply. */
    private static final RedisScript SCRIPT = RedisScript.load("rate-limit");
    private static final long MICROS_PER_MINUTE = 60_000_000L;

    private final RedisCache redis;
    private final int budget;
    private final List<String> arguments;

    public RateLimiter(RedisCache redis, int requestsPerMinute) {
        this.redis = redis;
        this.budget = requestsPerMinute;
        this.arguments = List.of(String.valueOf(Math.max(1, MICROS_PER_MINUTE / requestsPerMinute)),
                String.valueOf(requestsPerMinute));
    }

    /** Takes one request from the key's budget; empty when Redis cannot be asked (the caller decides). */
    public Optional<RateDecision> take(UUID keyId) {
        List<String> keys = List.of(RedisKeys.rateLimit(keyId));
        return redis.attempt(jedis -> decision((List<?>) SCRIPT.run(jedis, keys, arguments)));
    }

    private RateDecision decision(List<?> reply) {
        return new RateDecision(number(reply, 0) == 1, budget, number(reply, 1),
                Duration.ofNanos(number(reply, 2) * 1000), Duration.ofNanos(number(reply, 3) * 1000));
    }

    private static long number(List<?> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }
}
