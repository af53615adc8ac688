package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The managed Redis's passwords ({@link RedisPasswords}): {@code password}, which the API uses, and {@code previous}
 * and {@code next}, which Redis accepts too. All three are always there (the same value when no rotation needs them),
 * so Redis's arguments can name each. And {@code exporter}, the password of the user RedisExporter reads Redis's
 * statistics as: generated once and never rotated, as that user may run nothing else (no key, no channel).
 */
public final class RedisSecret {

    static final String PREVIOUS_KEY = "previous";
    static final String NEXT_KEY = "next";
    static final String EXPORTER_KEY = "exporter";

    private RedisSecret() {
    }

    public static Secret build(AICodeCraftStack stack, RedisPasswords passwords, String exporterPassword) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(StackNames.REDIS_PASSWORD_KEY, passwords.password());
        values.put(PREVIOUS_KEY, passwords.previous());
        values.put(NEXT_KEY, passwords.next().orElse(passwords.password()));
        values.put(EXPORTER_KEY, exporterPassword);
        Secret secret = SecretData.opaque(stack, StackComponent.CACHE, StackNames.redisSecret(stack), values);
        CredentialRotation.annotate(secret, passwords.rotation(), passwords.rotatedAt());
        return secret;
    }

    /**
     * The passwords a Secret read back holds, when it has one in use; a Secret of an earlier release, with
     * {@code password} alone, reads as before any rotation (and is written back with every key).
     */
    public static Optional<RedisPasswords> read(Secret secret) {
        Optional<String> password = Optional.ofNullable(SecretData.value(secret, StackNames.REDIS_PASSWORD_KEY))
                .filter(value -> !value.isBlank());
        return password.map(current -> new RedisPasswords(current,
                Optional.ofNullable(SecretData.value(secret, PREVIOUS_KEY)).orElse(current),
                Optional.ofNullable(SecretData.value(secret, NEXT_KEY)).filter(next -> !next.equals(current)),
                CredentialRotation.rotation(secret), CredentialRotation.rotatedAt(secret)));
    }

    /** The exporter user's password, once the Secret has one (a Secret of an earlier release has none). */
    public static Optional<String> exporterPassword(Secret secret) {
        return Optional.ofNullable(SecretData.value(secret, EXPORTER_KEY)).filter(value -> !value.isBlank());
    }

    /** Whether Redis's arguments find every key they name in {@code secret}. */
    public static boolean complete(Secret secret) {
        return secret.getData() != null && secret.getData().keySet().containsAll(
                List.of(StackNames.REDIS_PASSWORD_KEY, PREVIOUS_KEY, NEXT_KEY, EXPORTER_KEY));
    }
}
