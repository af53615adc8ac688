package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The API's bootstrap admin key (AICC_ADMIN_KEY), with which the tenant creates its own API keys, and after a
 * rotation the key it replaced with its expiry (AICC_PREVIOUS_ADMIN_KEY, AICC_PREVIOUS_KEY_EXPIRES).
 */
public final class AdminKeySecret {

    private AdminKeySecret() {
    }

    public static Secret build(AICodeCraftStack stack, AdminKeys keys) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(StackNames.ADMIN_KEY_KEY, keys.key());
        keys.previous().ifPresent(previous -> {
            values.put(StackNames.PREVIOUS_ADMIN_KEY_KEY, previous.key());
            values.put(StackNames.PREVIOUS_ADMIN_KEY_EXPIRES_KEY, previous.expires().toString());
        });
        Secret secret = SecretData.opaque(stack, StackComponent.API, StackNames.adminKeySecret(stack), values);
        CredentialRotation.annotate(secret, keys.rotation(), keys.rotatedAt());
        return secret;
    }

    /** The keys a Secret read back holds, or none when it holds no admin key. */
    public static Optional<AdminKeys> read(Secret secret) {
        Optional<String> key = Optional.ofNullable(SecretData.value(secret, StackNames.ADMIN_KEY_KEY)).filter(k -> !k.isBlank());
        Optional<String> previous = Optional.ofNullable(SecretData.value(secret, StackNames.PREVIOUS_ADMIN_KEY_KEY));
        var expires = CredentialRotation.instant(SecretData.value(secret, StackNames.PREVIOUS_ADMIN_KEY_EXPIRES_KEY));
        return key.map(current -> new AdminKeys(current,
                previous.flatMap(old -> expires.map(end -> new AdminKeys.Previous(old, end))),
                CredentialRotation.rotation(secret), CredentialRotation.rotatedAt(secret)));
    }
}
