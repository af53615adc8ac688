package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.AdminKeySecret;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The API's admin key (AICC_ADMIN_KEY): generated once, never updated. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.API))
public class AdminKeySecretDependent extends GeneratedSecretDependent {

    @Override
    Secret secret(AICodeCraftStack stack, String value) {
        return AdminKeySecret.build(stack, value);
    }

    @Override
    String secretName(AICodeCraftStack stack) {
        return StackNames.adminKeySecret(stack);
    }
}
