package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Opaque Secret with base64 {@code data}, the form the API server stores, so a desired Secret
 * compares equal to the one read back.
 */
final class SecretData {

    private SecretData() {
    }

    static Secret opaque(AICodeCraftStack stack, StackComponent component, String name, Map<String, String> values) {
        Map<String, String> data = new LinkedHashMap<>();
        values.forEach((key, value) ->
                data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder()
                .withMetadata(component.metadata(stack, name))
                .withType("Opaque")
                .withData(data)
                .build();
    }
}
