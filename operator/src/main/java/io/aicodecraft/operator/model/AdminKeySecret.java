package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.Map;

/** The API's bootstrap admin key (AICC_ADMIN_KEY), with which the tenant creates its own API keys. */
public final class AdminKeySecret {

    private AdminKeySecret() {
    }

    public static Secret build(AICodeCraftStack stack, String key) {
        return SecretData.opaque(stack, StackComponent.API, StackNames.adminKeySecret(stack),
                Map.of(StackNames.ADMIN_KEY_KEY, key));
    }
}
