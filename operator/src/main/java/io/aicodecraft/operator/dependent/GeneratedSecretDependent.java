package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.SecretValues;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * A Secret holding one generated value: created with a fresh secure random value when it is missing,
 * and never updated afterwards (a Creator, no Updater), so neither a later reconcile nor an operator
 * restart changes a credential. The existing Secret is found by name, so looking for it never draws
 * a value.
 */
abstract class GeneratedSecretDependent extends StackOwnedDependent<Secret> implements Creator<Secret, AICodeCraftStack> {

    GeneratedSecretDependent() {
        super(Secret.class);
    }

    /** The Secret with {@code value} as its generated value. */
    abstract Secret secret(AICodeCraftStack stack, String value);

    abstract String secretName(AICodeCraftStack stack);

    @Override
    protected Secret desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return secret(stack, SecretValues.randomToken());
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(secretName(stack), stack.getMetadata().getNamespace());
    }
}
