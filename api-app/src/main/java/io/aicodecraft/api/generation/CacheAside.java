package io.aicodecraft.api.generation;

import io.aicodecraft.api.metrics.CacheMetrics;
import io.aicodecraft.api.store.RedisCache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Cache-aside over {@link RedisCache} for the model's output: answer from the cache when the normalised request
 * was seen within the TTL, otherwise ask the model and remember. Only the model's code is kept, never a caller's
 * row, so that each caller's request is still recorded as its own. A cache that is away only means more misses.
 */
public final class CacheAside {
    private final RedisCache cache;
    private final Duration ttl;
    private final CacheMetrics metrics;

    public CacheAside(RedisCache cache, Duration ttl, CacheMetrics metrics) {
        this.cache = cache;
        this.ttl = ttl;
        this.metrics = metrics;
    }

    /** {@code model} answers a miss. */
    public Outcome<String> code(String namespace, String normalisedRequest, Supplier<String> model) {
        // v1 entries held whole rows of the first caller; they are never read again
        String key = "aicc:v2:" + namespace + ":" + sha256(normalisedRequest);
        Optional<String> hit = cache.get(key);
        if (hit.isPresent()) {
            metrics.hit(namespace);
            return new Outcome<>(hit.get(), true);
        }
        metrics.miss(namespace);
        String code = model.get();
        cache.put(key, code, ttl);
        return new Outcome<>(code, false);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
