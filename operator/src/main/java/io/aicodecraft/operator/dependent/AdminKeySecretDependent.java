package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.AdminKeySecret;
import io.aicodecraft.operator.model.AdminKeys;
import io.aicodecraft.operator.model.CredentialRotation;
import io.aicodecraft.operator.model.SecretValues;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import java.time.Instant;
import java.util.Optional;

/**
 * The API's admin key (AICC_ADMIN_KEY): generated once; on a new {@value CredentialRotation#ANNOTATION} token a new
 * key, with the replaced one kept valid for {@link AdminKeys#GRACE}. Nothing else changes it.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.API))
public class AdminKeySecretDependent extends RotatingSecretDependent {

    @Override
    protected Secret desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        AdminKeys keys = StackSecrets.adminKeys(stack, context)
                .map(current -> rotated(stack, current).orElse(current))
                .orElseGet(() -> AdminKeys.first(SecretValues.randomToken()));
        return AdminKeySecret.build(stack, keys);
    }

    @Override
    public Result<Secret> match(Secret actual, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return Result.nonComputed(AdminKeySecret.read(actual).filter(keys -> rotated(stack, keys).isEmpty()).isPresent());
    }

    @Override
    String secretName(AICodeCraftStack stack) {
        return StackNames.adminKeySecret(stack);
    }

    private static Optional<AdminKeys> rotated(AICodeCraftStack stack, AdminKeys keys) {
        String token = CredentialRotation.requested(stack);
        return CredentialRotation.due(token, keys.rotation())
                ? Optional.of(keys.rotate(token, SecretValues.randomToken(), Instant.now())) : Optional.empty();
    }
}
