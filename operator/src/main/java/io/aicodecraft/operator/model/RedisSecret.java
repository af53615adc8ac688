package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.Map;

/** The managed Redis's password, given to Redis as requirepass and to the API as AICC_REDIS_PASSWORD. */
public final class RedisSecret {

    private RedisSecret() {
    }

    public static Secret build(AICodeCraftStack stack, String password) {
        return SecretData.opaque(stack, StackComponent.CACHE, StackNames.redisSecret(stack),
                Map.of(StackNames.REDIS_PASSWORD_KEY, password));
    }
}
