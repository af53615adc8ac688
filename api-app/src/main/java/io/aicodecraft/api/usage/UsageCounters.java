package io.aicodecraft.api.usage;

import io.aicodecraft.api.store.RedisCache;
import io.aicodecraft.api.store.RedisKeys;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The day's counters in Redis, the hashes the rate-limit script counts requests in ({@link RedisKeys#usage}):
 * fields {@code requests:<route>} and {@code tokens:<route>}, and the totals the quota checks, {@code requests} and
 * {@code tokens}. Redis being away loses what would be added (as the rate limiter lets requests through uncounted)
 * and reads nothing.
 */
public final class UsageCounters {
    private static final String REQUESTS = "requests";
    private static final String TOKENS = "tokens";

    private final RedisCache redis;
    private final Duration lifetime;

    /** @param lifetime how long a day's hash lives, the same as the rate-limit script gives it */
    public UsageCounters(RedisCache redis, Duration lifetime) {
        this.redis = redis;
        this.lifetime = lifetime;
    }

    /** Adds the tokens a model call cost to the day the request was counted in; one round trip. */
    public void addTokens(UUID keyId, LocalDate day, String route, long tokens) {
        String key = RedisKeys.usage(keyId, day);
        redis.attempt(jedis -> {
            try (AbstractPipeline pipeline = jedis.pipelined()) {
                pipeline.hincrBy(key, TOKENS, tokens);
                pipeline.hincrBy(key, TOKENS + ":" + route, tokens);
                pipeline.expire(key, lifetime.toSeconds());
                pipeline.sync();
            }
            return true;
        });
    }

    /** Each key's use of {@code day} per route, in one round trip; empty when Redis cannot be asked. */
    Optional<Map<UUID, Map<String, RouteUsage>>> read(List<UUID> keyIds, LocalDate day) {
        return redis.attempt(jedis -> {
            Map<UUID, Response<Map<String, String>>> replies = new LinkedHashMap<>();
            try (AbstractPipeline pipeline = jedis.pipelined()) {
                keyIds.forEach(id -> replies.put(id, pipeline.hgetAll(RedisKeys.usage(id, day))));
                pipeline.sync();
            }
            Map<UUID, Map<String, RouteUsage>> usage = new HashMap<>();
            replies.forEach((id, reply) -> usage.put(id, routes(reply.get())));
            return usage;
        });
    }

    private static Map<String, RouteUsage> routes(Map<String, String> fields) {
        Map<String, RouteUsage> routes = new HashMap<>();
        fields.forEach((field, value) -> {
            int colon = field.indexOf(':');
            if (colon < 0) {
                return;
            }
            String route = field.substring(colon + 1);
            long count = Long.parseLong(value);
            RouteUsage seen = routes.getOrDefault(route, new RouteUsage(route, 0, 0));
            routes.put(route, field.startsWith(REQUESTS + ":")
                    ? new RouteUsage(route, count, seen.tokens())
                    : new RouteUsage(route, seen.requests(), count));
        });
        return routes;
    }
}
