package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;

/** The scheduled backups: one CronJob per stack, one run at a time, in UTC. */
public final class BackupCronJob {

    /** A run the CronJob controller could not start within this long of its time is skipped, not made up late. */
    private static final long STARTING_DEADLINE_SECONDS = 60 * 60;

    private BackupCronJob() {
    }

    public static boolean applies(AICodeCraftStack stack) {
        return BackupPod.applies(stack);
    }

    public static CronJob build(AICodeCraftStack stack) {
        return new CronJobBuilder()
                .withMetadata(StackComponent.BACKUP.metadata(stack, StackNames.backupSchedule(stack)))
                .withNewSpec()
                .withSchedule(stack.getSpec().getPostgres().getBackup().getSchedule())
                .withTimeZone(CronSchedule.TIME_ZONE)
                .withConcurrencyPolicy("Forbid")
                .withStartingDeadlineSeconds(STARTING_DEADLINE_SECONDS)
                .withSuccessfulJobsHistoryLimit(3)
                .withFailedJobsHistoryLimit(1)
                .withNewJobTemplate()
                .withNewMetadata().withLabels(StackComponent.BACKUP.labels(stack)).endMetadata()
                .withSpec(BackupPod.jobSpec(stack))
                .endJobTemplate()
                .endSpec()
                .build();
    }
}
