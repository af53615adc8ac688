package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.BackupCronJob;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The scheduled backups, present while spec.postgres.backup is set. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.BACKUP))
public class BackupCronJobDependent extends DeletableDependent<CronJob> {

    public BackupCronJobDependent() {
        super(CronJob.class, StackNames::backupSchedule);
    }

    @Override
    protected CronJob desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return BackupCronJob.build(stack);
    }
}
