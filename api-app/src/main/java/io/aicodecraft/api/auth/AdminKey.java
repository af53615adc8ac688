package io.aicodecraft.api.auth;

import io.aicodecraft.api.config.PreviousAdminKey;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The bootstrap key ({@code AICC_ADMIN_KEY}) that manages API keys; without one, keys cannot be managed. After a
 * rotation the key it replaced is accepted too, until it expires.
 */
public final class AdminKey {
    private final Optional<byte[]> hash;
    private final Optional<byte[]> previousHash;
    private final Instant previousExpires;
    private final Clock clock;

    public AdminKey(Optional<String> key, Optional<PreviousAdminKey> previous, Clock clock) {
        this.hash = key.map(KeyText::sha256);
        this.previousHash = previous.map(p -> KeyText.sha256(p.key()));
        this.previousExpires = previous.map(PreviousAdminKey::expires).orElse(Instant.MIN);
        this.clock = clock;
    }

    /** A fresh admin key (256 random bits), for {@code dev} mode, which prints it. */
    public static String generate() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return "aicc_admin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public boolean configured() {
        return hash.isPresent();
    }

    /** Compares digests in constant time: neither the length nor the first differing character leaks. */
    public boolean accepts(String token) {
        byte[] digest = KeyText.sha256(token);
        boolean current = hash.isPresent() && MessageDigest.isEqual(hash.get(), digest);
        boolean previous = previousHash.isPresent() && MessageDigest.isEqual(previousHash.get(), digest);
        return current || (previous && clock.instant().isBefore(previousExpires));
    }
}
