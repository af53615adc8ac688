package io.aicodecraft.operator.model;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The generated secret values of a stack. {@link #generate()} is the one impure part of this package:
 * it draws from a secure random source, and the operator calls it only for a Secret that does not exist yet.
 */
public record SecretValues(String postgresPassword, String redisPassword, String adminKey) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** 32 random bytes (256 bits) per value, URL-safe so they need no quoting in a URL or a shell. */
    private static final int RANDOM_BYTES = 32;

    public static SecretValues generate() {
        return new SecretValues(randomToken(), randomToken(), randomToken());
    }

    /** Stand-ins for offline rendering: clearly not secrets, and the same on every run. */
    public static SecretValues placeholders() {
        return new SecretValues("placeholder-postgres-password", "placeholder-redis-password",
                "placeholder-admin-key");
    }

    public static String randomToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Never prints the values, so a logged record leaks nothing. */
    @Override
    public String toString() {
        return "SecretValues[redacted]";
    }
}
