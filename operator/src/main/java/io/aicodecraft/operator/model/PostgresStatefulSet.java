package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.ManagedPostgresSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The managed PostgreSQL: one pod, its data on a PVC from the StatefulSet's claim template. */
public final class PostgresStatefulSet {

    private static final String MAX_CONNECTIONS = "max_connections=";

    public static final String DATA_VOLUME = "data";
    static final String DATA_PATH = "/var/lib/postgresql/data";
    /** A directory below the mount point, because initdb refuses a volume root holding lost+found. */
    static final String PGDATA = DATA_PATH + "/pgdata";
    /** The server's Unix socket directory, shared with the exporter (PostgresExporter). */
    static final String SOCKET_VOLUME = "run";
    static final String SOCKET_PATH = "/var/run/postgresql";
    static final String TMP_VOLUME = "tmp";

    private PostgresStatefulSet() {
    }

    /** A managed PostgreSQL: this, its Service and its Secret exist (render and the workflow ask here alike). */
    public static boolean applies(AICodeCraftStack stack) {
        return stack.getSpec().getPostgres().getManaged() != null;
    }

    /**
     * {@code certificate}: the one the server's TLS Secret holds, which a new one rolls the pod for; {@code exporter}:
     * whether the pod runs PostgresExporter beside the server.
     */
    public static StatefulSet build(AICodeCraftStack stack, PoolPlan plan, Optional<String> certificate, boolean exporter) {
        ManagedPostgresSpec managed = stack.getSpec().getPostgres().getManaged();
        String name = StackNames.postgres(stack);
        var pod = RestrictedSecurity.podTemplate(stack, StackComponent.DATABASE, RestrictedSecurity.POSTGRES_USER,
                container(stack, managed, plan), volumes(stack));
        if (exporter) {
            pod.editSpec().addToContainers(PostgresExporter.container(stack)).endSpec();
        }
        return new StatefulSetBuilder()
                .withMetadata(StackComponent.DATABASE.metadata(stack, name))
                .withNewSpec()
                .withReplicas(1)
                .withServiceName(name)
                .withNewSelector().withMatchLabels(StackComponent.DATABASE.selector(stack)).endSelector()
                .withNewPersistentVolumeClaimRetentionPolicy()
                .withWhenDeleted(stack.getSpec().getDeletionPolicy().name())
                .withWhenScaled("Retain")
                .endPersistentVolumeClaimRetentionPolicy()
                .withTemplate(PodScheduling.apply(StackTls.annotate(pod, StackTls.postgres(stack), certificate).build(),
                        managed.getScheduling()))
                .withVolumeClaimTemplates(dataClaim(stack, managed))
                .endSpec()
                .build();
    }

    private static Volume[] volumes(AICodeCraftStack stack) {
        List<Volume> volumes = new ArrayList<>(List.of(RestrictedSecurity.scratchVolume(SOCKET_VOLUME),
                RestrictedSecurity.scratchVolume(TMP_VOLUME)));
        if (StackTls.postgres(stack)) {
            volumes.add(StackTls.serverVolume(StackNames.postgresTls(stack)));
            volumes.add(PostgresHbaConfigMap.volume(stack));
        }
        return volumes.toArray(Volume[]::new);
    }

    private static Container container(AICodeCraftStack stack, ManagedPostgresSpec managed, PoolPlan plan) {
        String secret = StackNames.postgresSecret(stack);
        return new ContainerBuilder()
                .withName("postgres")
                .withImage(managed.getImage())
                .withArgs(serverArguments(managed, plan, StackTls.postgres(stack)))
                .withEnv(EnvVars.fromSecret("POSTGRES_USER", secret, StackNames.POSTGRES_USERNAME_KEY),
                        EnvVars.fromSecret("POSTGRES_PASSWORD", secret, StackNames.POSTGRES_PASSWORD_KEY),
                        EnvVars.fromSecret("POSTGRES_DB", secret, StackNames.POSTGRES_DATABASE_KEY),
                        EnvVars.plain("PGDATA", PGDATA))
                .addNewPort().withName("postgres").withContainerPort(PostgresService.PORT).withProtocol("TCP").endPort()
                // over TCP, so the socket-only server the entrypoint runs during initdb does not count as ready
                .withReadinessProbe(pgIsReady(5, 0, 3))
                .withLivenessProbe(pgIsReady(10, 30, 6))
                .withResources(ContainerResources.POSTGRES.with(managed.getResources()))
                .withSecurityContext(RestrictedSecurity.container())
                .withVolumeMounts(mounts(stack))
                .build();
    }

    private static List<VolumeMount> mounts(AICodeCraftStack stack) {
        List<VolumeMount> mounts = new ArrayList<>(List.of(RestrictedSecurity.mount(DATA_VOLUME, DATA_PATH),
                RestrictedSecurity.mount(SOCKET_VOLUME, SOCKET_PATH),
                RestrictedSecurity.mount(TMP_VOLUME, "/tmp")));
        if (StackTls.postgres(stack)) {
            mounts.add(StackTls.serverMount());
            mounts.add(PostgresHbaConfigMap.mount());
        }
        return mounts;
    }

    /** The max_connections a built StatefulSet runs PostgreSQL with, read back from its arguments. */
    public static Optional<Integer> maxConnections(StatefulSet statefulSet) {
        return statefulSet.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(container -> container.getArgs() == null ? Stream.empty() : container.getArgs().stream())
                .filter(arg -> arg.startsWith(MAX_CONNECTIONS))
                .map(arg -> Integer.valueOf(arg.substring(MAX_CONNECTIONS.length())))
                .findFirst();
    }

    /**
     * {@code -c name=value} for max_connections from the plan, TLS with the stack's certificate and TLS-only client
     * authentication (PostgresHbaConfigMap) when it is on, then the spec's parameters in name order.
     */
    static List<String> serverArguments(ManagedPostgresSpec managed, PoolPlan plan, boolean tls) {
        List<String> args = new ArrayList<>(List.of("-c", MAX_CONNECTIONS + plan.postgresMaxConnections()));
        if (tls) {
            args.addAll(List.of("-c", "ssl=on", "-c", "ssl_cert_file=" + StackTls.CERTIFICATE_FILE,
                    "-c", "ssl_key_file=" + StackTls.KEY_FILE,
                    "-c", "hba_file=" + PostgresHbaConfigMap.DIRECTORY + "/" + PostgresHbaConfigMap.FILE));
        }
        Map<String, String> parameters = managed.getParameters() == null ? Map.of() : new TreeMap<>(managed.getParameters());
        parameters.forEach((parameter, value) -> {
            args.add("-c");
            args.add(parameter + "=" + value);
        });
        return args;
    }

    private static Probe pgIsReady(int period, int initialDelay, int failureThreshold) {
        return new ProbeBuilder()
                .withNewExec()
                .withCommand("sh", "-c", "exec pg_isready -h 127.0.0.1 -p " + PostgresService.PORT
                        + " -U \"$POSTGRES_USER\" -d \"$POSTGRES_DB\"")
                .endExec()
                .withPeriodSeconds(period)
                // the API server stores no zero delay (omitempty): applied as 0 it would differ from what is
                // stored, and server-side apply would patch the StatefulSet on every reconcile
                .withInitialDelaySeconds(initialDelay == 0 ? null : initialDelay)
                .withTimeoutSeconds(5)
                .withFailureThreshold(failureThreshold)
                .build();
    }

    private static PersistentVolumeClaim dataClaim(AICodeCraftStack stack, ManagedPostgresSpec managed) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(DATA_VOLUME).withLabels(StackComponent.DATABASE.labels(stack)).endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(managed.getStorage().getStorageClassName())
                .withNewResources().addToRequests("storage", new Quantity(managed.getStorage().getSize())).endResources()
                .endSpec()
                .build();
    }
}
