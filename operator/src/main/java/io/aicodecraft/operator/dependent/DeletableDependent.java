package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import java.util.function.Function;

/**
 * A dependent the workflow creates, updates and deletes, found by its name. JOSDK deletes it when its
 * precondition fails (a managed PostgreSQL or Redis given up for an external one, autoscaling turned off) and
 * by default finds the object to delete from {@code desired()}: a builder cannot build what the spec no
 * longer describes (external-database.yaml failed so), while the name is always known.
 */
abstract class DeletableDependent<R extends HasMetadata> extends CRUDKubernetesDependentResource<R, AICodeCraftStack> {

    private final Function<AICodeCraftStack, String> name;

    DeletableDependent(Class<R> resourceType, Function<AICodeCraftStack, String> name) {
        super(resourceType);
        this.name = name;
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(name.apply(stack), stack.getMetadata().getNamespace());
    }
}
