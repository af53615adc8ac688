package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.RedisSecret;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed Redis password: generated once, never updated. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.CACHE))
public class RedisSecretDependent extends GeneratedSecretDependent {

    @Override
    Secret secret(AICodeCraftStack stack, String value) {
        return RedisSecret.build(stack, value);
    }

    @Override
    String secretName(AICodeCraftStack stack) {
        return StackNames.redisSecret(stack);
    }
}
