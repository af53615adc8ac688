package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.BackupCronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition: the backup CronJob exists while spec.postgres.backup is set. */
public class ScheduledBackupsCondition implements Condition<CronJob, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<CronJob, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return BackupCronJob.applies(stack);
    }
}
