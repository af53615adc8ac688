package io.aicodecraft.api.auth;

import io.aicodecraft.api.store.RedisCache;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
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
    /**
     * KEYS[1]: the key's state, its theoretical arrival time in microseconds. ARGV[1]: the emission interval (µs
     * between two requests at the steady rate), ARGV[2]: the budget. Returns {allowed, remaining, retry-after µs,
     * reset µs}.
     */
    static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local interval = tonumber(ARGV[1])
            local tolerance = interval * tonumber(ARGV[2])
            local tat = tonumber(redis.call('GET', KEYS[1]) or now)
            if tat < now then tat = now end
            local next_tat = tat + interval
            local allow_at = next_tat - tolerance
            if now < allow_at then
              return {0, 0, allow_at - now, tat - now}
            end
            redis.call('SET', KEYS[1], string.format('%d', next_tat), 'PX', math.ceil((next_tat - now) / 1000))
            return {1, math.floor((now - allow_at) / interval), 0, next_tat - now}
            """;
    private static final String SCRIPT_SHA = sha1(SCRIPT);
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
        List<String> keys = List.of("aicc:v1:ratelimit:" + keyId);
        return redis.attempt(jedis -> decision(run(jedis, keys)));
    }

    private List<?> run(UnifiedJedis jedis, List<String> keys) {
        try {
            return (List<?>) jedis.evalsha(SCRIPT_SHA, keys, arguments);
        } catch (JedisNoScriptException e) {
            // a restarted or new Redis has no scripts yet; EVAL also caches it for the next EVALSHA
            return (List<?>) jedis.eval(SCRIPT, keys, arguments);
        }
    }

    private RateDecision decision(List<?> reply) {
        return new RateDecision(number(reply, 0) == 1, budget, number(reply, 1),
                Duration.ofNanos(number(reply, 2) * 1000), Duration.ofNanos(number(reply, 3) * 1000));
    }

    private static long number(List<?> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
