package io.aicodecraft.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Keys checked recently, kept in this process so that a request with a known key reads nothing from PostgreSQL.
 * It is trusted only while the revocation feed is connected ({@link RevocationFeed}): a revocation reaches every API
 * instance at once over Redis pub/sub, and while the feed is down (Redis away, a partition) every request reads
 * PostgreSQL again, so a revocation is never missed. Entries are keyed by the key's hash, never its text.
 */
public final class KeyCache {
    private final Cache<String, Optional<Principal>> entries;
    /** Moves on every invalidation, so that a lookup that raced with one does not keep what it read. */
    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean trusted;

    public KeyCache(int maximumSize, Duration lifetime) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(lifetime).recordStats().build();
    }

    /** The caller {@code key} stands for, from this cache while it is trusted, else from {@code load}. */
    Optional<Principal> lookup(KeyText key, Function<KeyText, Optional<Principal>> load) {
        if (!trusted) {
            return load.apply(key);
        }
        String id = HexFormat.of().formatHex(key.hash());
        Optional<Principal> cached = entries.getIfPresent(id);
        if (cached != null) {
            return cached;
        }
        long before = epoch.get();
        Optional<Principal> loaded = load.apply(key);
        entries.put(id, loaded);
        if (epoch.get() != before || !trusted) {
            entries.invalidate(id);
        }
        return loaded;
    }

    /** Forgets the key with {@code keyId} (revoked here or on another instance). */
    void revoked(UUID keyId) {
        epoch.incrementAndGet();
        entries.asMap().values().removeIf(principal -> principal.flatMap(Principal::keyId).filter(keyId::equals)
                .isPresent());
    }

    /** The feed connected (revocations will arrive) or lost (they might not): either way, start empty. */
    void trust(boolean connected) {
        if (!connected) {
            trusted = false;
        }
        epoch.incrementAndGet();
        entries.invalidateAll();
        trusted = connected;
    }

    public boolean trusted() {
        return trusted;
    }

    /** For the metrics: the Caffeine cache with its hit and miss counts. */
    public Cache<String, Optional<Principal>> entries() {
        return entries;
    }
}
