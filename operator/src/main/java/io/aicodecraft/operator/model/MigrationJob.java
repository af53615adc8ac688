package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.MigrationsSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

/**
 * The schema migration: the API image run with {@code migrate}. Its name carries a hash of the image, so
 * a new image gets a new Job while the previous image's Deployment keeps serving.
 */
public final class MigrationJob {

    /** The annotation naming the image the Job migrates to, for people and for the reconciler. */
    public static final String IMAGE_ANNOTATION = "aicodecraft.io/api-image";

    private MigrationJob() {
    }

    public static String name(AICodeCraftStack stack) {
        return StackNames.migrationJob(stack);
    }

    public static Job build(AICodeCraftStack stack) {
        MigrationsSpec migrations = stack.getSpec().getMigrations();
        return new JobBuilder()
                .withMetadata(StackComponent.MIGRATION.metadata(stack, name(stack)))
                .editMetadata().addToAnnotations(IMAGE_ANNOTATION, stack.getSpec().getApi().getImage()).endMetadata()
                .withNewSpec()
                .withBackoffLimit(migrations.getBackoffLimit())
                .withActiveDeadlineSeconds(migrations.getActiveDeadlineSeconds())
                .withTemplate(PodScheduling.apply(RestrictedSecurity.podTemplate(stack, StackComponent.MIGRATION,
                                RestrictedSecurity.API_USER, container(stack), ApiPodVolumes.volumes(stack))
                        .editSpec().withRestartPolicy("Never").endSpec()
                        .build(), stack.getSpec().getApi().getScheduling()))
                .endSpec()
                .build();
    }

    private static Container container(AICodeCraftStack stack) {
        return new ContainerBuilder()
                .withName("migrate")
                .withImage(stack.getSpec().getApi().getImage())
                .withArgs("migrate")
                .withEnvFrom(ApiEnvironment.fromConfigMap(stack))
                .withEnv(ApiEnvironment.databaseSecrets(stack))
                .withResources(ContainerResources.API.with(stack.getSpec().getApi().getResources()))
                .withSecurityContext(RestrictedSecurity.container())
                .withVolumeMounts(ApiPodVolumes.mounts(stack))
                .build();
    }
}
