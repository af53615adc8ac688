package io.aicodecraft.api.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** The bootstrap key ({@code AICC_ADMIN_KEY}) that manages API keys; without one, keys cannot be managed. */
public final class AdminKey {
    private final Optional<byte[]> hash;

    public AdminKey(Optional<String> key) {
        this.hash = key.map(KeyText::sha256);
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
        return hash.isPresent() && MessageDigest.isEqual(hash.get(), KeyText.sha256(token));
    }
}
