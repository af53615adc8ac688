package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.DeletionPolicy;
import io.aicodecraft.operator.model.RedisDataClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;

/**
 * The persistent Redis's data volume claim. Created once and never updated or deleted by the
 * operator; it is owned by the stack (and so removed with it) only under {@code deletionPolicy:
 * Delete}, so under {@code Retain} the data outlives the stack. JOSDK's annotations map its events
 * to the stack either way.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.CACHE))
public class RedisDataClaimDependent extends KubernetesDependentResource<PersistentVolumeClaim, AICodeCraftStack>
        implements Creator<PersistentVolumeClaim, AICodeCraftStack> {

    public RedisDataClaimDependent() {
        super(PersistentVolumeClaim.class);
    }

    @Override
    protected PersistentVolumeClaim desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return RedisDataClaim.build(stack);
    }

    @Override
    protected void addReferenceHandlingMetadata(PersistentVolumeClaim desired, AICodeCraftStack stack) {
        super.addReferenceHandlingMetadata(desired, stack);
        if (stack.getSpec().getDeletionPolicy() == DeletionPolicy.Delete) {
            desired.addOwnerReference(stack);
        }
    }
}
