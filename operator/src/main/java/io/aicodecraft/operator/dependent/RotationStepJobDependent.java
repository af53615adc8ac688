package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import java.util.Optional;

/**
 * The Job of one step of a credential's rotation, built from the state its Secret holds ({@code S}). Like the
 * migration a Creator only: one Job per password (its name carries a hash of it), never changed, and left alone when
 * its gate closes.
 */
abstract class RotationStepJobDependent<S> extends StackOwnedDependent<Job> implements Creator<Job, AICodeCraftStack> {

    RotationStepJobDependent() {
        super(Job.class);
    }

    /** The state of the Secret, as the informers last saw it. */
    abstract Optional<S> state(AICodeCraftStack stack, Context<AICodeCraftStack> context);

    abstract String name(AICodeCraftStack stack, S state);

    abstract Job build(AICodeCraftStack stack, S state);

    @Override
    protected Job desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return build(stack, seen(stack, context));
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(name(stack, seen(stack, context)), stack.getMetadata().getNamespace());
    }

    /** The gate saw the Secret; one gone since is made again by the next reconcile. */
    private S seen(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return state(stack, context).orElseThrow(() -> new IllegalStateException(
                "the Secret of " + getClass().getSimpleName() + "'s stack " + stack.getMetadata().getName() + " is missing"));
    }
}
