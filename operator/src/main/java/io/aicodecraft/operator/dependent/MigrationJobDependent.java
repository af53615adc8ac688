package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.MigrationJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The schema migration of the current API image. Jobs are immutable, so this is a Creator only: the
 * name carries a hash of the image, a new image means a new Job, and an existing Job is never
 * changed. Not a Deleter either: a failed gate (database not ready, pool plan rejected) leaves a
 * running or finished Job alone.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.MIGRATION))
public class MigrationJobDependent extends StackOwnedDependent<Job> implements Creator<Job, AICodeCraftStack> {

    public MigrationJobDependent() {
        super(Job.class);
    }

    @Override
    protected Job desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return MigrationJob.build(stack);
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(MigrationJob.name(stack), stack.getMetadata().getNamespace());
    }
}
