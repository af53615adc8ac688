package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.Optional;

/**
 * A backup now: the stack's annotation {@code aicodecraft.io/backup-now} holds a token, and each new token is one
 * run (the Job's name carries a hash of it), so setting the same token again starts nothing.
 */
public final class OnDemandBackupJob {

    public static final String ANNOTATION = "aicodecraft.io/backup-now";

    private OnDemandBackupJob() {
    }

    public static Optional<String> token(AICodeCraftStack stack) {
        var annotations = stack.getMetadata().getAnnotations();
        return Optional.ofNullable(annotations == null ? null : annotations.get(ANNOTATION))
                .map(String::trim)
                .filter(token -> !token.isEmpty());
    }

    public static boolean applies(AICodeCraftStack stack) {
        return BackupPod.applies(stack) && token(stack).isPresent();
    }

    public static String name(AICodeCraftStack stack) {
        return StackNames.onDemandBackup(stack, token(stack).orElseThrow());
    }

    public static Job build(AICodeCraftStack stack) {
        return new JobBuilder()
                .withMetadata(StackComponent.BACKUP.metadata(stack, name(stack)))
                .editMetadata().addToAnnotations(ANNOTATION, token(stack).orElseThrow()).endMetadata()
                .withSpec(BackupPod.jobSpec(stack))
                .build();
    }
}
