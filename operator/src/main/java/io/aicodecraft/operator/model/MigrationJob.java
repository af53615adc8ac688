package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.List;

/**
 * The schema migration: the API image run with {@code migrate}. Its name carries a hash of the image, so
 * a new image gets a new Job while the previous image's Deployment keeps serving.
 */
public final class MigrationJob {

    /** The annotation naming the image the Job migrates to, for people and for the reconciler. */
    public static final String IMAGE_ANNOTATION = "aicodecraft.io/api-image";
    /** The container, named for its command. */
    public static final String CONTAINER = "migrate";
    /**
     * Where {@code migrate} writes what it found (schema version, pgvector) for the operator to read: the
     * container's termination message.
     */
    public static final String RESULT_FILE_ENV = "AICC_MIGRATE_RESULT_FILE";

    private MigrationJob() {
    }

    public static String name(AICodeCraftStack stack) {
        return StackNames.migrationJob(stack);
    }

    public static Job build(AICodeCraftStack stack) {
        return ApiCommandJob.build(stack, StackComponent.MIGRATION, name(stack), CONTAINER,
                        List.of(new EnvVar(RESULT_FILE_ENV, "/dev/termination-log", null)))
                .editMetadata().addToAnnotations(IMAGE_ANNOTATION, stack.getSpec().getApi().getImage()).endMetadata()
                .build();
    }
}
