package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.MigrationsSpec;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

import java.util.List;

/**
 * A Job running one command of the API image as the database's owner (the migrations, granting a login role), with
 * the API's configuration, CAs and restricted security, and the limits of {@code spec.migrations}.
 */
final class ApiCommandJob {

    private ApiCommandJob() {
    }

    /** {@code extraEnv}: what the command needs besides the configuration and the owner's credentials. */
    static JobBuilder build(AICodeCraftStack stack, StackComponent component, String name, String command,
                            List<EnvVar> extraEnv) {
        MigrationsSpec limits = stack.getSpec().getMigrations();
        var container = new ContainerBuilder()
                .withName(command)
                .withImage(stack.getSpec().getApi().getImage())
                .withArgs(command)
                .withEnvFrom(ApiEnvironment.fromConfigMap(stack))
                .withEnv(ApiEnvironment.databaseSecrets(stack))
                .addAllToEnv(extraEnv)
                .withResources(ContainerResources.API.with(stack.getSpec().getApi().getResources()))
                .withSecurityContext(RestrictedSecurity.container())
                .withVolumeMounts(ApiPodVolumes.mounts(stack))
                .build();
        return new JobBuilder()
                .withMetadata(component.metadata(stack, name))
                .withNewSpec()
                .withBackoffLimit(limits.getBackoffLimit())
                .withActiveDeadlineSeconds(limits.getActiveDeadlineSeconds())
                .withTemplate(PodScheduling.apply(RestrictedSecurity.podTemplate(stack, component,
                                RestrictedSecurity.API_USER, container, ApiPodVolumes.volumes(stack))
                        .editSpec().withRestartPolicy("Never").endSpec()
                        .build(), stack.getSpec().getApi().getScheduling()))
                .endSpec();
    }
}
