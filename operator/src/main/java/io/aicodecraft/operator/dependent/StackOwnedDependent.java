package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.util.Set;

/**
 * A dependent the workflow never deletes. JOSDK deletes every {@code Deleter} whose reconcile
 * precondition fails (and all dependents below it); for the generated Secrets, the API's
 * configuration, the migration Job and the API Deployment a failed gate must mean "leave it as it
 * is", so these are not Deleters. The stack still owns them: the owner reference makes Kubernetes'
 * garbage collector remove them with the stack, and maps their events back to it.
 */
abstract class StackOwnedDependent<R extends HasMetadata> extends KubernetesDependentResource<R, AICodeCraftStack>
        implements SecondaryToPrimaryMapper<R> {

    private final SecondaryToPrimaryMapper<R> owners = Mappers.fromOwnerReferences(AICodeCraftStack.class, false);

    StackOwnedDependent(Class<R> resourceType) {
        super(resourceType);
    }

    @Override
    protected boolean addOwnerReference() {
        return true;
    }

    @Override
    public Set<ResourceID> toPrimaryResourceIDs(R resource) {
        return owners.toPrimaryResourceIDs(resource);
    }
}
