package io.aicodecraft.api.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class KeyCacheTest {
    private final KeyCache cache = new KeyCache(100, Duration.ofMinutes(10));
    private final KeyText key = KeyText.generate();
    private final UUID keyId = UUID.randomUUID();
    private final Principal principal = Principal.ofKey(UUID.randomUUID(), keyId, Optional.empty());
    private final AtomicInteger reads = new AtomicInteger();
    private final Function<KeyText, Optional<Principal>> postgres = text -> {
        reads.incrementAndGet();
        return Optional.of(principal);
    };

    @Test
    void untilTheFeedConnectsEveryLookupReadsPostgres() {
        cache.lookup(key, postgres);
        cache.lookup(key, postgres);

        assertThat(reads).hasValue(2);
    }

    @Test
    void whileTrustedAKnownKeyIsAnsweredFromTheCache() {
        cache.trust(true);

        assertThat(cache.lookup(key, postgres)).contains(principal);
        assertThat(cache.lookup(key, postgres)).contains(principal);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aRevokedKeyIsReadAgain() {
        cache.trust(true);
        cache.lookup(key, postgres);

        cache.revoked(keyId);
        cache.lookup(key, postgres);

        assertThat(reads).hasValue(2);
    }

    @Test
    void aRevocationDuringALookupIsNotUndoneByWhatTheLookupRead() {
        cache.trust(true);
        cache.lookup(key, text -> {
            // read before the revocation committed, answered after it was announced
            cache.revoked(keyId);
            return Optional.of(principal);
        });

        cache.lookup(key, postgres);

        assertThat(reads).as("the stale answer was not kept").hasValue(1);
    }

    @Test
    void losingTheFeedEmptiesTheCacheAndStopsUsingIt() {
        cache.trust(true);
        cache.lookup(key, postgres);

        cache.trust(false);
        cache.lookup(key, postgres);
        cache.lookup(key, postgres);
        cache.trust(true);
        cache.lookup(key, postgres);

        assertThat(reads).hasValue(4);
        assertThat(cache.trusted()).isTrue();
    }

    @Test
    void otherKeysStayCachedWhenOneIsRevoked() {
        cache.trust(true);
        KeyText other = KeyText.generate();
        cache.lookup(key, postgres);
        cache.lookup(other, text -> Optional.of(Principal.ofKey(UUID.randomUUID(), UUID.randomUUID(), Optional.empty())));

        cache.revoked(keyId);

        assertThat(cache.lookup(other, text -> {
            throw new AssertionError("the other key is still cached");
        })).isPresent();
    }
}
