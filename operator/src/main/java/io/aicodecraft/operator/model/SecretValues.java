package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;

/**
 * The generated secret values of a stack, and how its render gets certificates. {@link #generate()} draws from a
 * secure random source (as do the certificates it issues), and the operator does so only for a Secret that does not
 * exist yet.
 */
public record SecretValues(String postgresPassword, String postgresLoginPassword, String redisPassword,
                           String redisExporterPassword, String adminKey,
                           Function<AICodeCraftStack, StackCertificates> certificates) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** 32 random bytes (256 bits) per value, URL-safe so they need no quoting in a URL or a shell. */
    private static final int RANDOM_BYTES = 32;

    public static SecretValues generate() {
        return new SecretValues(randomToken(), randomToken(), randomToken(), randomToken(), randomToken(),
                stack -> StackCertificates.issue(stack, Instant.now()));
    }

    /** Stand-ins for offline rendering: clearly not secrets, and the same on every run. */
    public static SecretValues placeholders() {
        return new SecretValues("placeholder-postgres-password", "placeholder-login-password", "placeholder-redis-password",
                "placeholder-redis-exporter-password", "placeholder-admin-key", stack -> StackCertificates.placeholders());
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
