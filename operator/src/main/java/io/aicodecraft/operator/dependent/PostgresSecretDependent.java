package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.PostgresSecret;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Credentials of the managed PostgreSQL: generated once, never updated. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.DATABASE))
public class PostgresSecretDependent extends GeneratedSecretDependent {

    @Override
    Secret secret(AICodeCraftStack stack, String value) {
        return PostgresSecret.build(stack, value);
    }

    @Override
    String secretName(AICodeCraftStack stack) {
        return StackNames.postgresSecret(stack);
    }
}
