package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Secret (Opaque unless said) with base64 {@code data}, the form the API server stores, so a desired Secret
 * compares equal to the one read back.
 */
final class SecretData {

    private SecretData() {
    }

    static Secret opaque(AICodeCraftStack stack, StackComponent component, String name, Map<String, String> values) {
        return typed(stack, component, name, "Opaque", values);
    }

    static Secret typed(AICodeCraftStack stack, StackComponent component, String name, String type,
                        Map<String, String> values) {
        Map<String, String> data = new LinkedHashMap<>();
        values.forEach((key, value) ->
                data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder()
                .withMetadata(component.metadata(stack, name))
                .withType(type)
                .withData(data)
                .build();
    }

    /** One value of a Secret as read back (base64 {@code data}, or {@code stringData} not yet stored), or null. */
    static String value(Secret secret, String key) {
        if (secret.getData() != null && secret.getData().get(key) != null) {
            return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
        }
        return secret.getStringData() == null ? null : secret.getStringData().get(key);
    }
}
