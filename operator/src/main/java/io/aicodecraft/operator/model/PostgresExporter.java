package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;

/**
 * Prometheus's postgres_exporter beside the managed PostgreSQL, in its pod. It connects over the Unix socket the two
 * containers share ({@code /var/run/postgresql}), where the server trusts local connections, so no password is
 * handed to it and rotating the owner's (PostgresOwnerPassword) cannot leave it with a stale one. It connects as the
 * owner, who may read every statistic. libpq's variables name the socket, user and database: the exporter takes its
 * connection string from {@code DATA_SOURCE_NAME} and libpq fills in the rest.
 */
public final class PostgresExporter {

    public static final String CONTAINER = "metrics";
    public static final int PORT = 9187;
    public static final String PORT_NAME = "metrics";
    /** The exporter's metrics (its own and PostgreSQL's). */
    public static final String METRIC_PREFIX = "pg_";

    private PostgresExporter() {
    }

    /**
     * A managed PostgreSQL with monitoring on. The StatefulSet runs the exporter only where its PodMonitor's kind is
     * installed too: elsewhere nothing would scrape it.
     */
    public static boolean applies(AICodeCraftStack stack) {
        return PostgresStatefulSet.applies(stack) && stack.getSpec().getMonitoring().isEnabled();
    }

    static Container container(AICodeCraftStack stack) {
        String secret = StackNames.postgresSecret(stack);
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(stack.getSpec().getMonitoring().getPostgresExporterImage())
                .withArgs("--web.listen-address=:" + PORT)
                .withEnv(EnvVars.plain("DATA_SOURCE_NAME", "sslmode=disable"),
                        EnvVars.plain("PGHOST", PostgresStatefulSet.SOCKET_PATH),
                        EnvVars.fromSecret("PGUSER", secret, StackNames.POSTGRES_USERNAME_KEY),
                        EnvVars.fromSecret("PGDATABASE", secret, StackNames.POSTGRES_DATABASE_KEY))
                .addNewPort().withName(PORT_NAME).withContainerPort(PORT).withProtocol("TCP").endPort()
                .withResources(ContainerResources.EXPORTER.with(null))
                .withSecurityContext(RestrictedSecurity.container())
                .withVolumeMounts(RestrictedSecurity.mount(PostgresStatefulSet.SOCKET_VOLUME, PostgresStatefulSet.SOCKET_PATH),
                        RestrictedSecurity.mount(PostgresStatefulSet.TMP_VOLUME, "/tmp"))
                .build();
    }
}
