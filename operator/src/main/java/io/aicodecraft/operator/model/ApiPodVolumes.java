package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.ExternalPostgresSpec;
import io.aicodecraft.operator.crd.ExternalRedisSpec;
import io.aicodecraft.operator.crd.SecretKeyReference;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The volumes of the pods that run the API image (the API and its migration): a writable {@code /tmp} under a
 * read-only root filesystem, and for a PostgreSQL whose certificate is checked (an external one's
 * {@code caSecretRef}, or the stack's own CA with spec.tls), that CA as one read-only file, which the JDBC URL names
 * as {@code sslrootcert}; likewise a Redis's CA, which {@code AICC_REDIS_CA_FILE} names.
 */
final class ApiPodVolumes {
    private static final String CA_DIRECTORY = "/etc/aicodecraft/postgres-ca";
    /** The file name a CA is mounted as. */
    static final String CA_NAME = "ca.crt";
    static final String CA_FILE = CA_DIRECTORY + "/" + CA_NAME;
    private static final String TMP = "tmp";
    private static final String CA = "postgres-ca";
    private static final String REDIS_CA_DIRECTORY = "/etc/aicodecraft/redis-ca";
    static final String REDIS_CA_FILE = REDIS_CA_DIRECTORY + "/" + CA_NAME;
    private static final String REDIS_CA = "redis-ca";

    private ApiPodVolumes() {
    }

    static Volume[] volumes(AICodeCraftStack stack) {
        List<Volume> volumes = new ArrayList<>(List.of(RestrictedSecurity.scratchVolume(TMP)));
        postgresCaVolume(stack).ifPresent(volumes::add);
        redisCaVolume(stack).ifPresent(volumes::add);
        return volumes.toArray(Volume[]::new);
    }

    static List<VolumeMount> mounts(AICodeCraftStack stack) {
        List<VolumeMount> mounts = new ArrayList<>(List.of(RestrictedSecurity.mount(TMP, "/tmp")));
        postgresCaMount(stack).ifPresent(mounts::add);
        redisCaMount(stack).ifPresent(mounts::add);
        return mounts;
    }

    static Optional<SecretKeyReference> redisCa(AICodeCraftStack stack) {
        if (StackTls.redis(stack)) {
            return Optional.of(StackTls.caReference(stack, StackNames.redisTls(stack)));
        }
        return Optional.ofNullable(stack.getSpec().getRedis().getExternal()).map(ExternalRedisSpec::getCaSecretRef);
    }

    /** One key of a Secret as the file {@code ca.crt}. */
    static Volume caVolume(String name, SecretKeyReference ca) {
        return new VolumeBuilder().withName(name)
                .withNewSecret().withSecretName(ca.getName())
                .addNewItem().withKey(ca.getKey()).withPath(CA_NAME).endItem()
                .endSecret()
                .build();
    }

    static Optional<SecretKeyReference> postgresCa(AICodeCraftStack stack) {
        if (StackTls.postgres(stack)) {
            return Optional.of(StackTls.caReference(stack, StackNames.postgresTls(stack)));
        }
        return Optional.ofNullable(stack.getSpec().getPostgres().getExternal()).map(ExternalPostgresSpec::getCaSecretRef);
    }

    /** The Redis CA's volume and mount alone, for the Job that adds a rotation's password to Redis. */
    static Optional<Volume> redisCaVolume(AICodeCraftStack stack) {
        return redisCa(stack).map(ca -> caVolume(REDIS_CA, ca));
    }

    static Optional<VolumeMount> redisCaMount(AICodeCraftStack stack) {
        return redisCa(stack).map(ca -> RestrictedSecurity.readOnlyMount(REDIS_CA, REDIS_CA_DIRECTORY));
    }

    static String redisCaFile() {
        return REDIS_CA_DIRECTORY + "/" + CA_NAME;
    }

    /** The PostgreSQL CA's volume and mount alone, for the pods of the PostgreSQL tools (dump and restore). */
    static Optional<Volume> postgresCaVolume(AICodeCraftStack stack) {
        return postgresCa(stack).map(ca -> caVolume(CA, ca));
    }

    static Optional<VolumeMount> postgresCaMount(AICodeCraftStack stack) {
        return postgresCa(stack).map(ca -> RestrictedSecurity.readOnlyMount(CA, CA_DIRECTORY));
    }
}
