package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.OnDemandBackupJob;
import io.aicodecraft.operator.model.StackComponent;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Set;

/**
 * The backup Job of the stack's current {@code aicodecraft.io/backup-now} token, created once (a Creator: Jobs
 * are immutable). Its informer sees every backup Job of the stack, the CronJob's too, which the CronJob and not
 * the stack owns: they are mapped to their stack by its label, so each run's end reaches the status.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.BACKUP))
public class OnDemandBackupJobDependent extends StackOwnedDependent<Job> implements Creator<Job, AICodeCraftStack> {

    public OnDemandBackupJobDependent() {
        super(Job.class);
    }

    @Override
    protected Job desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return OnDemandBackupJob.build(stack);
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(OnDemandBackupJob.name(stack), stack.getMetadata().getNamespace());
    }

    @Override
    public Set<ResourceID> toPrimaryResourceIDs(Job job) {
        String stack = job.getMetadata().getLabels().get(StackComponent.STACK_LABEL);
        return stack == null ? Set.of() : Set.of(new ResourceID(stack, job.getMetadata().getNamespace()));
    }
}
