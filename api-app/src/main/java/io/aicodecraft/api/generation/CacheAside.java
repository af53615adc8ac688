package io.aicodecraft.api.generation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.aicodecraft.api.metrics.CacheMetrics;
import io.aicodecraft.api.store.RedisCache;
import io.aicodecraft.api.store.RedisKeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Cache-aside for the model's output: answer from the cache when the normalised request was seen within the TTL,
 * otherwise ask the model and remember. Only the model's code is kept, never a caller's row, so that each caller's
 * request is still recorded as its own. Redis holds the entries for every API instance; a bounded near cache in
 * this process holds the ones used here, until the same moment, so it needs no invalidation: an entry never changes
 * during its TTL. A cache that is away only means more misses.
 */
public final class CacheAside {
    /** An entry as Redis stores it: when it expires, then the code. */
    record Entry(Instant expiresAt, String code) {
        static Optional<Entry> parse(String stored) {
            int newline = stored.indexOf('\n');
            if (newline < 1) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Entry(Instant.ofEpochMilli(Long.parseLong(stored.substring(0, newline))),
                        stored.substring(newline + 1)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        String stored() {
            return expiresAt.toEpochMilli() + "\n" + code;
        }
    }

    private final RedisCache cache;
    private final Duration ttl;
    private final CacheMetrics metrics;
    private final Clock clock;
    private final Cache<String, Entry> near;

    public CacheAside(RedisCache cache, Duration ttl, CacheMetrics metrics, int nearEntries) {
        this(cache, ttl, metrics, nearEntries, Clock.systemUTC());
    }

    CacheAside(RedisCache cache, Duration ttl, CacheMetrics metrics, int nearEntries, Clock clock) {
        this.cache = cache;
        this.ttl = ttl;
        this.metrics = metrics;
        this.clock = clock;
        this.near = Caffeine.newBuilder().maximumSize(nearEntries)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(new UntilItExpires(clock))
                .build();
    }

    /** A near entry lives exactly as long as its Redis entry does. */
    private record UntilItExpires(Clock clock) implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String key, Entry entry, long currentTime) {
            return Math.max(0, Duration.between(clock.instant(), entry.expiresAt()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** {@code model} answers a miss. */
    public Outcome<String> code(String namespace, String normalisedRequest, Supplier<String> model) {
        // v1 entries held whole rows of the first caller; they are never read again (RedisKeys)
        String key = RedisKeys.modelAnswer(namespace, sha256(normalisedRequest));
        Optional<Entry> hit = Optional.ofNullable(near.getIfPresent(key)).or(() -> fromRedis(key));
        if (hit.isPresent()) {
            metrics.hit(namespace);
            return new Outcome<>(hit.get().code(), true, 0);
        }
        metrics.miss(namespace);
        Entry created = new Entry(clock.instant().plus(ttl), model.get());
        cache.put(key, created.stored(), ttl);
        near.put(key, created);
        return new Outcome<>(created.code(), false, EstimatedTokens.of(normalisedRequest, created.code()));
    }

    /** An entry another instance (or this one, before a restart) stored, kept near until it expires. */
    private Optional<Entry> fromRedis(String key) {
        Optional<Entry> stored = cache.get(key).flatMap(Entry::parse).filter(e -> e.expiresAt().isAfter(clock.instant()));
        stored.ifPresent(entry -> near.put(key, entry));
        return stored;
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
