package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.ApiSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpecBuilder;

/** The AICodeCraft API pods. */
public final class ApiDeployment {

    public static final String LIVENESS_PATH = "/health/live";
    public static final String READINESS_PATH = "/health/ready";

    private ApiDeployment() {
    }

    public static Deployment build(AICodeCraftStack stack, PoolPlan plan, ApiRollout rollout) {
        ApiSpec api = stack.getSpec().getApi();
        DeploymentSpecBuilder spec = new DeploymentSpecBuilder();
        if (!api.getAutoscaling().isEnabled()) {
            // with autoscaling the HPA owns replicas, so the operator leaves the field alone
            spec.withReplicas(plan.apiPodsMax());
        }
        var template = RestrictedSecurity.podTemplate(stack, StackComponent.API, RestrictedSecurity.API_USER,
                        container(stack), ApiPodVolumes.volumes(stack))
                .editMetadata().addToAnnotations(ConfigHash.ANNOTATION, rollout.configHash()).endMetadata();
        rollout.postgresLogin().ifPresent(role ->
                template.editMetadata().addToAnnotations(ApiRollout.LOGIN_ANNOTATION, role).endMetadata());
        rollout.adminKeyRotation().ifPresent(token ->
                template.editMetadata().addToAnnotations(ApiRollout.ADMIN_KEY_ANNOTATION, token).endMetadata());
        rollout.redisRotation().ifPresent(token ->
                template.editMetadata().addToAnnotations(ApiRollout.REDIS_ANNOTATION, token).endMetadata());
        StackTls.annotate(template, StackTls.postgres(stack) || StackTls.redis(stack), rollout.trustedCa());
        return new DeploymentBuilder()
                .withMetadata(StackComponent.API.metadata(stack, StackNames.api(stack)))
                .withSpec(spec
                        // no surge: the pool plan counts apiPodsMax pods, and a rollout must not exceed it
                        .withNewStrategy()
                        .withType("RollingUpdate")
                        .withNewRollingUpdate()
                        .withMaxSurge(new IntOrString(0))
                        .withMaxUnavailable(new IntOrString(1))
                        .endRollingUpdate()
                        .endStrategy()
                        .withNewSelector().withMatchLabels(StackComponent.API.selector(stack)).endSelector()
                        .withTemplate(PodScheduling.api(template.build(), stack, plan.apiPodsMax()))
                        .build())
                .build();
    }

    private static Container container(AICodeCraftStack stack) {
        ApiSpec api = stack.getSpec().getApi();
        return new ContainerBuilder()
                .withName("api")
                .withImage(api.getImage())
                .addNewPort().withName(ApiService.PORT_NAME).withContainerPort(ApiService.PORT).withProtocol("TCP").endPort()
                .withEnvFrom(ApiEnvironment.fromConfigMap(stack))
                .withEnv(ApiEnvironment.allSecrets(stack))
                // the JVM's start may take a while; liveness only counts once it has answered
                .withStartupProbe(httpGet(LIVENESS_PATH, 2, 60))
                .withLivenessProbe(httpGet(LIVENESS_PATH, 10, 3))
                .withReadinessProbe(httpGet(READINESS_PATH, 5, 3))
                .withResources(ContainerResources.API.with(api.getResources()))
                .withSecurityContext(RestrictedSecurity.container())
                .withVolumeMounts(ApiPodVolumes.mounts(stack))
                .build();
    }

    private static Probe httpGet(String path, int period, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(path).withNewPort(ApiService.PORT_NAME).endHttpGet()
                .withPeriodSeconds(period)
                .withTimeoutSeconds(3)
                .withFailureThreshold(failureThreshold)
                .build();
    }
}
