package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.ManagedRedisSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The managed Redis: one password-protected, memory-bounded pod whose client limit comes from the pool plan. */
public final class RedisDeployment {

    static final String DATA_VOLUME = "data";
    static final String TMP_VOLUME = "tmp";
    /** The Redis Secret's {@code password}, mounted for the readiness probe: the kubelet updates it after a rotation. */
    static final String AUTH_VOLUME = "auth";
    static final String AUTH_DIRECTORY = "/etc/aicodecraft/redis-auth";
    static final String AUTH_FILE = AUTH_DIRECTORY + "/" + StackNames.REDIS_PASSWORD_KEY;
    /** Owner and group read: the pod's fsGroup, as for the TLS key. */
    private static final int AUTH_FILE_MODE = 0440;

    private RedisDeployment() {
    }

    /** A managed Redis: this, its Service and its Secret exist (render and the workflow ask here alike). */
    public static boolean applies(AICodeCraftStack stack) {
        return stack.getSpec().getRedis().getManaged() != null;
    }

    /**
     * {@code certificate}: the one the server's TLS Secret holds, which a new one rolls the pod for; {@code exporter}:
     * whether the pod runs RedisExporter beside the server.
     */
    public static Deployment build(AICodeCraftStack stack, PoolPlan plan, Optional<String> certificate, boolean exporter) {
        ManagedRedisSpec managed = stack.getSpec().getRedis().getManaged();
        var pod = RestrictedSecurity.podTemplate(stack, StackComponent.CACHE, RestrictedSecurity.REDIS_USER,
                container(stack, managed, plan, exporter), volumes(stack, managed, exporter));
        if (exporter) {
            pod.editSpec().addToContainers(RedisExporter.container(stack)).endSpec();
        }
        return new DeploymentBuilder()
                .withMetadata(StackComponent.CACHE.metadata(stack, StackNames.redis(stack)))
                .withNewSpec()
                .withReplicas(1)
                // never two Redis pods at once: they would split the cache and the task queue
                .withNewStrategy().withType("Recreate").endStrategy()
                .withNewSelector().withMatchLabels(StackComponent.CACHE.selector(stack)).endSelector()
                .withTemplate(PodScheduling.apply(StackTls.annotate(pod, StackTls.redis(stack), certificate).build(),
                        managed.getScheduling()))
                .endSpec()
                .build();
    }

    private static Container container(AICodeCraftStack stack, ManagedRedisSpec managed, PoolPlan plan, boolean exporter) {
        String secret = StackNames.redisSecret(stack);
        List<EnvVar> env = new ArrayList<>(List.of(
                EnvVars.fromSecret("REDIS_PASSWORD", secret, StackNames.REDIS_PASSWORD_KEY),
                EnvVars.fromSecret("REDIS_PREVIOUS_PASSWORD", secret, RedisSecret.PREVIOUS_KEY),
                EnvVars.fromSecret("REDIS_NEXT_PASSWORD", secret, RedisSecret.NEXT_KEY)));
        List<String> args = new ArrayList<>(serverArguments(managed, plan, StackTls.redis(stack)));
        if (exporter) {
            env.add(EnvVars.fromSecret(RedisExporter.PASSWORD_ENV, secret, RedisSecret.EXPORTER_KEY));
            args.addAll(RedisExporter.serverArguments());
        }
        return new ContainerBuilder()
                .withName("redis")
                .withImage(managed.getImage())
                .withCommand("redis-server")
                .withArgs(args)
                // the kubelet expands $(REDIS_PASSWORD) and the others in args
                .withEnv(env)
                .addNewPort().withName("redis").withContainerPort(RedisService.PORT).withProtocol("TCP").endPort()
                .withNewReadinessProbe()
                .withNewExec()
                // the password from the mounted Secret, which follows a rotation, not the pod's start-time environment
                .withCommand("sh", "-c", "test \"$(REDISCLI_AUTH=\"$(cat " + AUTH_FILE + ")\" redis-cli "
                        + (StackTls.redis(stack) ? "--tls --cacert " + StackTls.CA_FILE + " " : "")
                        + "-h 127.0.0.1 -p " + RedisService.PORT + " ping)\" = PONG")
                .endExec()
                .withPeriodSeconds(5).withTimeoutSeconds(3).withFailureThreshold(3)
                .endReadinessProbe()
                .withNewLivenessProbe()
                .withNewTcpSocket().withNewPort("redis").endTcpSocket()
                .withInitialDelaySeconds(10).withPeriodSeconds(10).withTimeoutSeconds(3).withFailureThreshold(6)
                .endLivenessProbe()
                .withResources(ContainerResources.redis(managed.getMaxMemory()).with(managed.getResources()))
                .withSecurityContext(RestrictedSecurity.container())
                .withVolumeMounts(mounts(stack, exporter))
                .build();
    }

    private static Volume[] volumes(AICodeCraftStack stack, ManagedRedisSpec managed, boolean exporter) {
        List<Volume> volumes = new ArrayList<>(List.of(dataVolume(stack, managed), RestrictedSecurity.scratchVolume(TMP_VOLUME),
                new VolumeBuilder().withName(AUTH_VOLUME)
                        .withNewSecret().withSecretName(StackNames.redisSecret(stack)).withDefaultMode(AUTH_FILE_MODE)
                        .withItems(new KeyToPathBuilder().withKey(StackNames.REDIS_PASSWORD_KEY)
                                .withPath(StackNames.REDIS_PASSWORD_KEY).build())
                        .endSecret().build()));
        if (StackTls.redis(stack)) {
            volumes.add(StackTls.serverVolume(StackNames.redisTls(stack)));
        }
        if (exporter) {
            volumes.add(RestrictedSecurity.scratchVolume(RedisExporter.SOCKET_VOLUME));
        }
        return volumes.toArray(Volume[]::new);
    }

    private static List<VolumeMount> mounts(AICodeCraftStack stack, boolean exporter) {
        List<VolumeMount> mounts = new ArrayList<>(List.of(RestrictedSecurity.mount(DATA_VOLUME, "/data"),
                RestrictedSecurity.mount(TMP_VOLUME, "/tmp"), RestrictedSecurity.readOnlyMount(AUTH_VOLUME, AUTH_DIRECTORY)));
        if (StackTls.redis(stack)) {
            mounts.add(StackTls.serverMount());
        }
        if (exporter) {
            mounts.add(RestrictedSecurity.mount(RedisExporter.SOCKET_VOLUME, RedisExporter.SOCKET_DIRECTORY));
        }
        return mounts;
    }

    /** With TLS, on the Service's port only: no plain-text port is open at all. */
    static List<String> serverArguments(ManagedRedisSpec managed, PoolPlan plan, boolean tls) {
        boolean persistent = managed.getPersistence().isEnabled();
        List<String> args = new ArrayList<>();
        if (tls) {
            args.addAll(List.of("--port", "0", "--tls-port", Integer.toString(RedisService.PORT),
                    "--tls-cert-file", StackTls.CERTIFICATE_FILE, "--tls-key-file", StackTls.KEY_FILE,
                    "--tls-ca-cert-file", StackTls.CA_FILE, "--tls-auth-clients", "no"));
        }
        args.addAll(List.of(
                // the default user with each password of RedisPasswords: a rotation adds one before the API uses it
                "--user", "default", "on", ">$(REDIS_PASSWORD)", ">$(REDIS_PREVIOUS_PASSWORD)", ">$(REDIS_NEXT_PASSWORD)",
                "~*", "&*", "+@all",
                "--maxmemory", maxMemoryBytes(managed.getMaxMemory()),
                "--maxmemory-policy", managed.getMaxMemoryPolicy().wireName(),
                "--maxclients", Integer.toString(plan.redisMaxClients()),
                "--appendonly", persistent ? "yes" : "no",
                // no RDB snapshots: either the append-only file persists, or nothing is meant to
                "--save", "",
                "--dir", "/data"));
        return args;
    }

    /** Redis reads plain bytes or its own units, not Kubernetes quantities such as 256Mi. */
    static String maxMemoryBytes(String quantity) {
        return Quantity.getAmountInBytes(new Quantity(quantity)).toBigInteger().toString();
    }

    private static Volume dataVolume(AICodeCraftStack stack, ManagedRedisSpec managed) {
        if (!managed.getPersistence().isEnabled()) {
            return RestrictedSecurity.scratchVolume(DATA_VOLUME);
        }
        return new VolumeBuilder()
                .withName(DATA_VOLUME)
                .withNewPersistentVolumeClaim().withClaimName(StackNames.redisData(stack)).endPersistentVolumeClaim()
                .build();
    }
}
