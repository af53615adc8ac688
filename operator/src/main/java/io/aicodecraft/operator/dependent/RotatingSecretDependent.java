package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * A Secret of generated credentials that a rotation changes: made once, changed only by a step of a rotation (each
 * subclass's {@code match} says whether one is due, so a reconcile without one draws no value), and written whole.
 */
abstract class RotatingSecretDependent extends StackOwnedDependent<Secret>
        implements Creator<Secret, AICodeCraftStack>, Updater<Secret, AICodeCraftStack> {

    RotatingSecretDependent() {
        super(Secret.class);
    }

    abstract String secretName(AICodeCraftStack stack);

    /** A plain update: the default one only adds annotations, and a rotation's step may drop one. */
    @Override
    public Secret update(Secret actual, Secret desired, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        desired.getMetadata().setResourceVersion(actual.getMetadata().getResourceVersion());
        desired.getMetadata().setOwnerReferences(actual.getMetadata().getOwnerReferences());
        return context.getClient().resource(desired).update();
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(secretName(stack), stack.getMetadata().getNamespace());
    }
}
