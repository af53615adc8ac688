package io.aicodecraft.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.api.backup.Postgres15;
import io.aicodecraft.api.backup.S3Server;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.Migrations;
import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.RestoreSpec;
import io.aicodecraft.operator.dependent.BackupRun;
import io.aicodecraft.operator.dependent.BackupRuns;
import io.aicodecraft.operator.model.ApiConfigMap;
import io.aicodecraft.operator.model.BackupCronJob;
import io.aicodecraft.operator.model.BackupPod;
import io.aicodecraft.operator.model.PoolPlan;
import io.aicodecraft.operator.model.PostgresSecret;
import io.aicodecraft.operator.model.RestoreJob;
import io.aicodecraft.operator.model.StackFile;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator-API contract of backups, executable: the containers of the backup Job and of the restore Job exactly
 * as the operator builds them (command, arguments, environment, mounts) run on this machine as a kubelet would
 * ({@link LocalContainer}), against a real PostgreSQL and a real S3 server (over HTTPS with a certificate of its
 * own CA, which the pods trust through {@code caSecretRef}): the stack's database is dumped and
 * stored, the store container's termination message is read by the operator's own reader into a stored run, and a
 * new stack's restore Job checks its database is empty, fetches that dump and restores it.
 */
class BackupJobsContractTest {

    private static final String PASSWORD = "contract-password";
    /** The storage's own CA, as the backup pods mount it from the Secret their spec names. */
    private static final Path STORAGE_CA = Path.of(System.getProperty("java.io.tmpdir"), "aicc-contract-storage-ca-"
            + ProcessHandle.current().pid());

    private static Postgres15 postgres;
    private static S3Server s3;

    @TempDir
    Path work;

    @BeforeAll
    static void startServers() throws Exception {
        postgres = Postgres15.start();
        s3 = S3Server.startTls(Files.createDirectories(STORAGE_CA), "aicc-backups");
        sql("postgres", "CREATE ROLE " + PostgresSecret.USERNAME + " LOGIN PASSWORD '" + PASSWORD + "'");
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        try (var files = Files.walk(STORAGE_CA)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @Test
    void aBackupOnAVolumeRestoresIntoANewStackByItsName() throws Exception {
        var source = stack("backups-volume");
        fill("vol_source");
        Path claim = directory("team-b-backups");

        var stored = backUp(source, "vol_source", Map.of(BackupPod.BACKUPS_VOLUME, claim), Map.of());
        assertThat(claim.resolve(stored.name())).exists().hasSize(stored.sizeBytes());

        var target = stack("restore-backup");
        target.getSpec().getPostgres().getRestoreFrom().setBackup(stored.name());
        restore(target, "vol_target", Map.of(RestoreJob.SOURCE_VOLUME, claim), Map.of());
    }

    @Test
    void aBackupInObjectStorageRestoresIntoANewStackByItsKey() throws Exception {
        var source = stack("backups-s3");
        fill("s3_source");
        Map<String, String> endpoint = Map.of("AICC_BACKUP_S3_ENDPOINT", s3.endpoint().toString());

        Map<String, Path> ca = Map.of(BackupPod.S3_CA_VOLUME, caVolume());
        var stored = backUp(source, "s3_source", ca, endpoint);
        String key = "tenants/team-c/" + stored.name();
        assertThat(s3.keys("aicc-backups")).contains(key);
        assertThat(s3.object("aicc-backups", key)).hasSize(stored.sizeBytes().intValue());

        var target = stack("restore-s3");
        var from = new RestoreSpec();
        from.setS3Key(key);
        target.getSpec().getPostgres().setRestoreFrom(from);
        restore(target, "s3_target", ca, endpoint);
    }

    /** The scheduled backup Job's pod: dump, then store; what the operator reads of it. */
    private BackupRun.Stored backUp(AICodeCraftStack stack, String database, Map<String, Path> claims,
                                    Map<String, String> overrides) throws Exception {
        PodSpec pod = BackupCronJob.build(stack).getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        Path terminationLog = work.resolve("termination-log");
        var kubelet = kubelet(stack, database, pod, claims, with(overrides, "AICC_BACKUP_RESULT_FILE", terminationLog.toString()));

        expectExit(kubelet, pod.getInitContainers().getFirst(), 0);
        Container store = pod.getContainers().getFirst();
        expectExit(kubelet, store, 0);

        var job = new JobBuilder().withNewMetadata().withName("team-x-backup-29412345").endMetadata()
                .withNewStatus().withCompletionTime(Instant.now().toString()).addNewCondition().withType("Complete")
                .withStatus("True").endCondition().endStatus().build();
        var reported = new PodBuilder().withNewStatus().withContainerStatuses(new ContainerStatusBuilder()
                .withName(store.getName()).withNewState().withNewTerminated().withExitCode(0)
                .withMessage(Files.readString(terminationLog)).endTerminated().endState().build()).endStatus().build();
        var run = BackupRuns.run(job, List.of(reported)).orElseThrow();
        assertThat(run).isInstanceOf(BackupRun.Stored.class);
        var stored = (BackupRun.Stored) run;
        assertThat(stored.name()).startsWith(stack.getMetadata().getName() + "-").endsWith(".dump");
        assertThat(stored.sizeBytes()).isPositive();
        assertThat(stored.kept()).isEqualTo(1);
        return stored;
    }

    /** The restore Job's pod of a new stack: its database empty, then the dump in it, then no longer empty. */
    private void restore(AICodeCraftStack stack, String database, Map<String, Path> claims,
                         Map<String, String> overrides) throws Exception {
        sql("postgres", "CREATE DATABASE " + database + " OWNER " + PostgresSecret.USERNAME + " TEMPLATE template0");
        PodSpec pod = RestoreJob.build(stack).getSpec().getTemplate().getSpec();
        var kubelet = kubelet(stack, database, pod, claims, overrides);

        expectExit(kubelet, container(pod.getInitContainers(), RestoreJob.CHECK_CONTAINER), 0);
        expectExit(kubelet, container(pod.getInitContainers(), RestoreJob.FETCH_CONTAINER), 0);
        expectExit(kubelet, container(pod.getContainers(), RestoreJob.RESTORE_CONTAINER), 0);

        assertThat(probe(database)).isEqualTo("written before the backup");
        assertThat(count(database, "SELECT count(*) FROM flyway_schema_history")).isPositive()
                .isEqualTo(count(database.replace("target", "source"), "SELECT count(*) FROM flyway_schema_history"));
        // a second restore into the same database is refused
        expectExit(kubelet, container(pod.getInitContainers(), RestoreJob.CHECK_CONTAINER), RestoreJob.NOT_EMPTY_EXIT_CODE);
    }

    private LocalContainer kubelet(AICodeCraftStack stack, String database, PodSpec pod, Map<String, Path> claims,
                                   Map<String, String> overrides) throws IOException {
        Map<String, Path> volumes = new HashMap<>(claims);
        volumes.put(BackupPod.WORK, directory(stack.getMetadata().getName() + "-work"));
        volumes.put(BackupPod.TMP, directory(stack.getMetadata().getName() + "-tmp"));
        assertThat(pod.getVolumes()).extracting("name").containsExactlyInAnyOrderElementsOf(volumes.keySet());
        var secrets = Map.of(
                StackNames.postgresSecret(stack), Map.of("username", PostgresSecret.USERNAME, "password", PASSWORD,
                        "database", database),
                "backup-storage", Map.of("accessKeyId", S3Server.ACCESS_KEY, "secretAccessKey", S3Server.SECRET_KEY));
        var config = ApiConfigMap.build(stack, PoolPlan.of(stack.getSpec()));
        // the cluster's DNS: the stack's PostgreSQL Service is the test's server
        Map<String, String> network = new HashMap<>(overrides);
        network.putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(postgres.port()),
                "AICC_DB_URL", postgres.url(database)));
        return new LocalContainer(volumes, secrets, Map.of(config.getMetadata().getName(), config.getData()), network);
    }

    private static void expectExit(LocalContainer kubelet, Container container, int code) throws Exception {
        var exit = kubelet.run(container);
        assertThat(exit.code()).as("exit code of container %s; it printed:%n%s", container.getName(), exit.output())
                .isEqualTo(code);
    }

    private static Container container(List<Container> containers, String name) {
        return containers.stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The API's schema, migrated as the stack's migration Job would, and a row the restore must bring back. */
    private static void fill(String database) throws Exception {
        sql("postgres", "CREATE DATABASE " + database + " OWNER " + PostgresSecret.USERNAME + " TEMPLATE template0");
        try (var db = new Database(new DatabaseConfig(postgres.url(database), PostgresSecret.USERNAME, PASSWORD, 0, 2,
                Duration.ofSeconds(5)))) {
            new Migrations(db.dataSource()).migrate();
        }
        sql(database, "CREATE TABLE contract_probe (note text)");
        sql(database, "INSERT INTO contract_probe VALUES ('written before the backup')");
    }

    private static String probe(String database) throws Exception {
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT note FROM contract_probe")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static long count(String database, String query) throws Exception {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void sql(String database, String statement) throws Exception {
        try (Connection c = database.equals("postgres") ? DriverManager.getConnection(postgres.url(database), "postgres", "")
                : connect(database); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static Connection connect(String database) throws Exception {
        return DriverManager.getConnection(postgres.url(database), PostgresSecret.USERNAME, PASSWORD);
    }

    /** The Secret's key ca.crt as its volume holds it: the S3 server's certificate, over HTTPS only. */
    private Path caVolume() throws IOException {
        Path volume = directory("storage-ca");
        Files.copy(STORAGE_CA.resolve("ca.pem"), volume.resolve("ca.crt"));
        return volume;
    }

    private Path directory(String name) throws IOException {
        return Files.createDirectories(work.resolve(name));
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        var copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    /** The fixture without TLS: the dump's round trip is this test's; the tools over TLS are TlsContractTest's. */
    private static AICodeCraftStack stack(String fixture) throws Exception {
        try (InputStream in = BackupJobsContractTest.class.getResourceAsStream("/stacks/" + fixture + ".yaml")) {
            AICodeCraftStack stack = StackFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            stack.getSpec().getTls().setEnabled(false);
            return stack;
        }
    }
}
