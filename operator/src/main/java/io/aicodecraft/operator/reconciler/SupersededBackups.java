package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.BackupsStatus;
import io.aicodecraft.operator.dependent.BackupRuns;
import io.aicodecraft.operator.dependent.StackWorkloads;
import io.aicodecraft.operator.model.OnDemandBackupJob;
import io.aicodecraft.operator.model.StackComponent;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The on-demand backup Jobs of earlier tokens, once their outcome is in the written status, are history: they are
 * deleted (with their pods), so a token per upgrade does not pile up Jobs. The current token's Job stays, so its
 * log can be read; the CronJob's Jobs are the CronJob's history limits' to prune.
 */
final class SupersededBackups {

    private SupersededBackups() {
    }

    static void delete(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        Optional<Instant> recorded = recordedUntil(stack.getStatus() == null ? null : stack.getStatus().getBackups());
        if (recorded.isEmpty()) {
            return;
        }
        String current = OnDemandBackupJob.token(stack).map(token -> OnDemandBackupJob.name(stack)).orElse("");
        StackWorkloads.jobs(stack, context, StackComponent.BACKUP)
                .filter(job -> job.hasOwnerReferenceFor(stack))
                .filter(job -> !current.equals(job.getMetadata().getName()))
                .filter(job -> BackupRuns.finished(job).filter(finished -> !finished.isAfter(recorded.get())).isPresent())
                .forEach(job -> context.getClient().resource(job)
                        .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                        .delete());
    }

    /** The newest run the status has taken in, success or failure. */
    private static Optional<Instant> recordedUntil(BackupsStatus backups) {
        if (backups == null) {
            return Optional.empty();
        }
        return Stream.of(backups.getLastSuccessful() == null ? null : backups.getLastSuccessful().getTime(),
                        backups.getLastFailure() == null ? null : backups.getLastFailure().getTime())
                .filter(Objects::nonNull)
                .map(Instant::parse)
                .max(Instant::compareTo);
    }
}
