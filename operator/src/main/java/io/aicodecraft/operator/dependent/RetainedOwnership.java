package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.DeletionPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one mechanism for what {@code deletionPolicy: Retain} keeps (the PostgreSQL credentials, the Redis data
 * claim): the stack owns such an object, and the garbage collector removes it with the stack, under
 * {@code Delete} only; a policy change moves the owner reference and touches nothing else of the object.
 */
final class RetainedOwnership {

    private RetainedOwnership() {
    }

    static boolean owned(AICodeCraftStack stack) {
        return stack.getSpec().getDeletionPolicy() == DeletionPolicy.Delete;
    }

    /** For {@code addReferenceHandlingMetadata}: the owner reference on a new object, under Delete only. */
    static void addTo(HasMetadata desired, AICodeCraftStack stack) {
        if (owned(stack)) {
            desired.addOwnerReference(stack);
        }
    }

    /** Only the ownership is compared: the rest is what was created. */
    static <R extends HasMetadata> Result<R> match(R actual, AICodeCraftStack stack) {
        return Result.computed(actual.hasOwnerReferenceFor(stack) == owned(stack), actual);
    }

    /**
     * Adds or removes the stack's owner reference on the object as it is: JOSDK's own update would send the
     * desired object (for a generated Secret a fresh value, for a claim an immutable spec).
     */
    static <R extends HasMetadata> R update(R actual, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return update(actual, stack, context, object -> { });
    }

    /** The same, with {@code change} made to the object as well (a rotation's step of the PostgreSQL Secret). */
    static <R extends HasMetadata> R update(R actual, AICodeCraftStack stack, Context<AICodeCraftStack> context,
                                            Consumer<R> change) {
        return context.getClient().resource(actual).edit(object -> {
            change.accept(object);
            List<OwnerReference> others = object.getMetadata().getOwnerReferences().stream()
                    .filter(owner -> !stack.getMetadata().getUid().equals(owner.getUid()))
                    .toList();
            object.getMetadata().setOwnerReferences(new ArrayList<>(others));
            addTo(object, stack);
            return object;
        });
    }
}
