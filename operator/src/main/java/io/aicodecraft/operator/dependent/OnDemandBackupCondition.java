package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.OnDemandBackupJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition: the Job of an aicodecraft.io/backup-now token starts once PostgreSQL is ready. */
public class OnDemandBackupCondition implements Condition<Job, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<Job, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return OnDemandBackupJob.applies(stack) && StackWorkloads.databaseReady(stack, context);
    }
}
