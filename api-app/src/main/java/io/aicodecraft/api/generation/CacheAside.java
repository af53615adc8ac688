package io.aicodecraft.api.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Cache-aside over {@link RedisCache}: answer from the cache when the normalised request was seen within the
 * TTL, otherwise create (model call and row) and remember. A cache that is away only means more misses.
 */
public final class CacheAside {
    private final RedisCache cache;
    private final ObjectMapper json;
    private final Duration ttl;
    private final CacheMetrics metrics;

    public CacheAside(RedisCache cache, ObjectMapper json, Duration ttl, CacheMetrics metrics) {
        this.cache = cache;
        this.json = json;
        this.ttl = ttl;
        this.metrics = metrics;
    }

    /** {@code create} makes the value (a record) on a miss; both paths answer with its JSON document. */
    public Outcome getOrCreate(String namespace, String normalisedRequest, Supplier<?> create) {
        String key = "aicc:v1:" + namespace + ":" + sha256(normalisedRequest);
        Optional<String> hit = cache.get(key).filter(CacheAside::isObject);
        if (hit.isPresent()) {
            metrics.hit(namespace);
            return new Outcome(hit.get(), true);
        }
        metrics.miss(namespace);
        String created;
        try {
            created = json.writeValueAsString(create.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a result", e);
        }
        cache.put(key, created, ttl);
        return new Outcome(created, false);
    }

    /** An entry that is not a JSON object (never written by this API) is a miss, not an error. */
    private static boolean isObject(String value) {
        return value.startsWith("{") && value.endsWith("}") && value.length() > 2;
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
