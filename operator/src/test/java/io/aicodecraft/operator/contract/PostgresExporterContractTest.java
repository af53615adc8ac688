package io.aicodecraft.operator.contract;

import io.aicodecraft.api.backup.Postgres15;
import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.PostgresExporter;
import io.aicodecraft.operator.model.PostgresHbaConfigMap;
import io.aicodecraft.operator.model.SecretValues;
import io.aicodecraft.operator.model.StackAlert;
import io.aicodecraft.operator.model.StackAlerts;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.StackObjects;
import io.aicodecraft.operator.testing.GrafanaDashboard;
import io.aicodecraft.operator.testing.PromqlMetrics;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managed PostgreSQL's exporter, run as the kubelet would run its pod: Debian's PostgreSQL 15 with the postgres
 * container's own arguments and its socket in the directory that plays the volume the two containers share, and
 * postgres_exporter of the pinned release (built from {@code testcluster/exporters/postgres}) with the exporter
 * container's own environment and arguments. Only the server's port is the test's free one (the pod's is 5432),
 * and the exporter listens on a free port too. What it serves holds every PostgreSQL metric the stack's alerts and
 * the dashboard read: an alert on a metric nobody exposes would never fire.
 */
class PostgresExporterContractTest {

    private static final String EXPORTER_PACKAGE = "github.com/prometheus-community/postgres_exporter/cmd/postgres_exporter";

    @TempDir
    static Path work;

    private static AICodeCraftStack stack;
    private static Container exporter;
    private static Postgres15 postgres;
    private static ExporterProcess exporterProcess;

    @BeforeAll
    static void startPostgresAndItsExporterAsThePodRunsThem() throws Exception {
        Postgres15.assumeInstalled();
        stack = TestStacks.minimal("tenant-a", "team-a");
        // without TLS (TlsContractTest runs the server with it); the exporter uses the socket either way
        stack.getSpec().getTls().setEnabled(false);
        var objects = StackObjects.render(stack, SecretValues.generate());
        var secrets = LocalContainer.secrets(objects);
        PodSpec pod = objects.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast)
                .filter(set -> set.getMetadata().getName().equals(StackNames.postgres(stack))).findFirst().orElseThrow()
                .getSpec().getTemplate().getSpec();
        Container server = pod.getContainers().getFirst();
        exporter = pod.getContainers().stream().filter(c -> c.getName().equals(PostgresExporter.CONTAINER))
                .findFirst().orElseThrow();

        VolumeMount socket = exporter.getVolumeMounts().getFirst();
        assertThat(server.getVolumeMounts()).as("the server's socket directory is the volume the exporter mounts")
                .contains(socket);
        Path socketDirectory = Files.createDirectories(work.resolve("run"));
        // the server runs as postgres when the tests run as root
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(socketDirectory, PosixFilePermissions.fromString("rwxrwxrwx"));
        var kubelet = new LocalContainer(Map.of("data", Files.createDirectories(work.resolve("data")),
                socket.getName(), socketDirectory, "tmp", Files.createDirectories(work.resolve("tmp"))),
                secrets, Map.of(), Map.of());
        List<String> serverArguments = new ArrayList<>(kubelet.arguments(server, server.getArgs(), kubelet.environment(server)));
        // the postgres image's compiled-in socket directory is the mount's path
        serverArguments.addAll(List.of("-c", "unix_socket_directories=" + socketDirectory));
        postgres = Postgres15.start(serverArguments);
        // the owner and its database, as the postgres image's entrypoint makes them from POSTGRES_USER and POSTGRES_DB
        var owner = secrets.get(StackNames.postgresSecret(stack));
        try (var connection = DriverManager.getConnection(postgres.url("postgres"), "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + owner.get(StackNames.POSTGRES_USERNAME_KEY) + " LOGIN SUPERUSER");
            statement.execute("CREATE DATABASE " + owner.get(StackNames.POSTGRES_DATABASE_KEY)
                    + " OWNER " + owner.get(StackNames.POSTGRES_USERNAME_KEY));
        }

        var environment = new LocalContainer(kubelet.volumes(), secrets, Map.of(),
                Map.of("PGPORT", Integer.toString(postgres.port()))).environment(exporter);
        exporterProcess = ExporterProcess.start("testcluster/exporters/postgres", "postgres_exporter", EXPORTER_PACKAGE,
                PostgresExporter.PORT, kubelet.arguments(exporter, exporter.getArgs(), environment), environment,
                work.resolve("exporter.log"));
    }

    @AfterAll
    static void stop() {
        if (exporterProcess != null) {
            exporterProcess.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theExporterReadsTheServerOverTheSharedSocketWithNoPassword() throws Exception {
        assertThat(exporter.getEnv()).as("a rotated password cannot go stale in the exporter: it has none")
                .noneMatch(variable -> variable.getName().contains("PASS"));

        assertThat(exporterProcess.scrapeWhenUp("pg_up 1")).contains("pg_up 1");
    }

    @Test
    void withTlsTheServerStillTrustsTheSocketTheExporterUses() {
        var tls = TestStacks.minimal("tenant-a", "team-a");
        String hba = PostgresHbaConfigMap.build(tls).getData().values().iterator().next();

        assertThat(hba.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")).findFirst()).hasValueSatisfying(first -> assertThat(first).containsExactly("local", "all", "all", "trust"));
    }

    @Test
    void everyPostgresMetricOfTheAlertsAndTheDashboardIsOneTheExporterServes() throws Exception {
        Set<String> served = PromqlMetrics.names(exporterProcess.scrapeWhenUp("pg_up 1"));

        Set<String> read = Stream.concat(StackAlerts.of(stack).stream().map(StackAlert::expr),
                        GrafanaDashboard.expressions().stream())
                .flatMap(expr -> PromqlMetrics.selected(expr).stream())
                .filter(metric -> metric.startsWith(PostgresExporter.METRIC_PREFIX))
                .collect(Collectors.toSet());
        assertThat(read).contains(StackAlerts.POSTGRES_BACKENDS, StackAlerts.POSTGRES_MAX_CONNECTIONS);
        assertThat(served).containsAll(read);
    }
}
