package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.ManagedRedisSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds a rotation's new password to the running managed Redis ({@link RedisPasswords}): the Redis image's
 * {@code redis-cli}, authenticated with the password in use, sets the default user's passwords to the new one and the
 * one in use. The one before is dropped: no API pod uses it any more. One Job per new password (its name carries a
 * hash of it); the passwords come from the Secret by reference.
 */
public final class RedisPasswordJob {

    private static final int BACKOFF_LIMIT = 3;
    private static final long ACTIVE_DEADLINE_SECONDS = 300;

    private RedisPasswordJob() {
    }

    public static String name(AICodeCraftStack stack, RedisPasswords passwords) {
        return StackNames.redisPasswordJob(stack, passwords.next().orElse(passwords.password()));
    }

    public static Job build(AICodeCraftStack stack, RedisPasswords passwords) {
        List<Volume> volumes = new ArrayList<>();
        ApiPodVolumes.redisCaVolume(stack).ifPresent(volumes::add);
        return new JobBuilder()
                .withMetadata(StackComponent.CACHE_PASSWORD.metadata(stack, name(stack, passwords)))
                .withNewSpec()
                .withBackoffLimit(BACKOFF_LIMIT)
                .withActiveDeadlineSeconds(ACTIVE_DEADLINE_SECONDS)
                .withTemplate(PodScheduling.apply(RestrictedSecurity.podTemplate(stack, StackComponent.CACHE_PASSWORD,
                                RestrictedSecurity.REDIS_USER, container(stack), volumes.toArray(Volume[]::new))
                        .editSpec().withRestartPolicy("Never").endSpec()
                        .build(), stack.getSpec().getRedis().getManaged().getScheduling()))
                .endSpec()
                .build();
    }

    private static Container container(AICodeCraftStack stack) {
        ManagedRedisSpec managed = stack.getSpec().getRedis().getManaged();
        String secret = StackNames.redisSecret(stack);
        String tls = StackTls.redis(stack) ? "--tls --cacert " + ApiPodVolumes.redisCaFile() + " " : "";
        List<VolumeMount> mounts = new ArrayList<>();
        ApiPodVolumes.redisCaMount(stack).ifPresent(mounts::add);
        return new ContainerBuilder()
                .withName("add-password")
                .withImage(managed.getImage())
                // the passwords reach redis-cli from the environment, never the pod spec
                .withCommand("sh", "-c", "test \"$(redis-cli " + tls + "-h \"$REDIS_HOST\" -p \"$REDIS_PORT\""
                        + " ACL SETUSER default resetpass \">$REDIS_NEXT_PASSWORD\" \">$REDIS_PASSWORD\")\" = OK")
                .withEnv(EnvVars.plain("REDIS_HOST", StackNames.serviceHost(stack, StackNames.redis(stack))),
                        EnvVars.plain("REDIS_PORT", Integer.toString(RedisService.PORT)),
                        EnvVars.fromSecret("REDISCLI_AUTH", secret, StackNames.REDIS_PASSWORD_KEY),
                        EnvVars.fromSecret("REDIS_PASSWORD", secret, StackNames.REDIS_PASSWORD_KEY),
                        EnvVars.fromSecret("REDIS_NEXT_PASSWORD", secret, RedisSecret.NEXT_KEY))
                .withResources(ContainerResources.REDIS_TOOL.with(null))
                .withSecurityContext(RestrictedSecurity.container())
                .withVolumeMounts(mounts)
                .build();
    }
}
