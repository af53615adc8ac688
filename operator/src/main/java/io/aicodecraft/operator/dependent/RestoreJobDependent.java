package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.RestoreJob;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The restore of spec.postgres.restoreFrom: created once (Jobs are immutable), never deleted by the operator. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.RESTORE))
public class RestoreJobDependent extends StackOwnedDependent<Job> implements Creator<Job, AICodeCraftStack> {

    public RestoreJobDependent() {
        super(Job.class);
    }

    @Override
    protected Job desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return RestoreJob.build(stack);
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(StackNames.restoreJob(stack), stack.getMetadata().getNamespace());
    }
}
