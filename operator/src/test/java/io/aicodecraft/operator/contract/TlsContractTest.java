package io.aicodecraft.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aicodecraft.api.MainProcess;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.backup.Postgres15;
import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.BackupCronJob;
import io.aicodecraft.operator.model.MigrationJob;
import io.aicodecraft.operator.model.PostgresSecret;
import io.aicodecraft.operator.model.PostgresService;
import io.aicodecraft.operator.model.RedisService;
import io.aicodecraft.operator.model.SecretValues;
import io.aicodecraft.operator.model.StackCertificates;
import io.aicodecraft.operator.model.StackFile;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.StackObjects;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * TLS of a managed stack, end to end on real servers: the operator renders a stack (its CA and server certificates
 * issued as the operator issues them), Debian's PostgreSQL 15 and the redis-server on the PATH run with the
 * StatefulSet's and the Deployment's own arguments and the certificate Secrets laid out as the kubelet mounts them
 * (root-owned, group of the pod's fsGroup, the volume's mode), and the pods that connect to them run as the
 * kubelet would run them: their probes, the migration, the API server and the backup's {@code pg_dump}. The
 * cluster's DNS is a hosts file mapping the Services' names to 127.0.0.1, so each client checks the certificate
 * against the very name it is configured with; only the Services' ports are the test servers' free ones.
 */
class TlsContractTest {

    private static final String POSTGRES_GROUP = "postgres";

    @TempDir
    static Path work;

    private static AICodeCraftStack stack;
    private static List<HasMetadata> objects;
    private static Map<String, Map<String, String>> secrets;
    private static Postgres15 postgres;
    private static RedisServerProcess redis;
    private static int redisPort;
    private static Path hosts;
    private static Path caVolume;
    private static LocalContainer postgresKubelet;
    private static LocalContainer redisKubelet;

    @BeforeAll
    static void startServersWithTheOperatorsArgumentsAndCertificates() throws Exception {
        Postgres15.assumeInstalled();
        stack = stack("backups-volume");
        objects = StackObjects.render(stack, SecretValues.generate());
        secrets = LocalContainer.secrets(objects);
        caVolume = volume("ca", Map.of("ca.crt", secrets.get(StackNames.certificateAuthority(stack)).get("ca.crt")));

        StatefulSet statefulSet = object(StatefulSet.class, StackNames.postgres(stack));
        PodSpec pod = statefulSet.getSpec().getTemplate().getSpec();
        Container server = pod.getContainers().getFirst();
        postgresKubelet = kubelet(Map.of("data", dir("pg-data"), "run", dir("pg-run"), "tmp", dir("pg-tmp"),
                "tls", serverVolume(pod, StackNames.postgresTls(stack), POSTGRES_GROUP),
                "hba", volume("hba", object(ConfigMap.class, StackNames.postgresHba(stack)).getData())), Map.of());
        postgres = Postgres15.start(postgresKubelet.arguments(server, server.getArgs(), postgresKubelet.environment(server)));
        // the owner as the postgres image makes POSTGRES_USER, over the socket as its entrypoint does
        String owner = secrets.get(StackNames.postgresSecret(stack)).get(StackNames.POSTGRES_PASSWORD_KEY);
        postgres.psql("postgres", "CREATE ROLE " + PostgresSecret.USERNAME + " LOGIN SUPERUSER PASSWORD '" + owner + "'");
        postgres.psql("postgres", "CREATE DATABASE " + PostgresSecret.DATABASE + " OWNER " + PostgresSecret.USERNAME);

        Deployment cache = object(Deployment.class, StackNames.redis(stack));
        PodSpec redisPod = cache.getSpec().getTemplate().getSpec();
        Container redisServer = redisPod.getContainers().getFirst();
        // the exporter's socket too (render assumes the Prometheus Operator): Redis serves it beside TLS
        redisKubelet = kubelet(Map.of("data", dir("redis-data"), "tmp", dir("redis-tmp"), "socket", dir("redis-socket"),
                "tls", serverVolume(redisPod, StackNames.redisTls(stack), "redis"),
                "auth", volume("redis-auth", Map.of(StackNames.REDIS_PASSWORD_KEY,
                        secrets.get(StackNames.redisSecret(stack)).get(StackNames.REDIS_PASSWORD_KEY)))), Map.of());
        redisPort = TestServers.freePort();
        redis = RedisServerProcess.start(redisPort, servicePort(redisKubelet.arguments(redisServer, redisServer.getArgs(),
                redisKubelet.environment(redisServer)), RedisService.PORT, redisPort), work.resolve("redis.log"));

        hosts = Files.writeString(work.resolve("hosts"), "127.0.0.1 localhost "
                + serviceHost(StackNames.postgres(stack)) + " " + serviceHost(StackNames.redis(stack)) + "\n");
    }

    @AfterAll
    static void stopServers() {
        if (redis != null) {
            redis.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theServersReadinessProbesPassOverTls() throws Exception {
        StatefulSet statefulSet = object(StatefulSet.class, StackNames.postgres(stack));
        Container pg = statefulSet.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(shell(postgresKubelet, pg, pg.getReadinessProbe().getExec().getCommand(), PostgresService.PORT, postgres.port(), Map.of(
                "PATH", Postgres15.BIN + ":" + System.getenv("PATH")))).isZero();
        assertThat(postgres.log()).as("PostgreSQL took the certificate and its key")
                .doesNotContain("could not load", "private key file");

        Deployment cache = object(Deployment.class, StackNames.redis(stack));
        Container server = cache.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(shell(redisKubelet, server, server.getReadinessProbe().getExec().getCommand(), RedisService.PORT, redisPort, Map.of()))
                .as("redis-cli --tls against the stack's CA").isZero();
    }

    @Test
    void postgresTakesNoPlainConnectionEvenWithThePassword() {
        String owner = secrets.get(StackNames.postgresSecret(stack)).get(StackNames.POSTGRES_PASSWORD_KEY);
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.url(PostgresSecret.DATABASE) + "?sslmode=disable",
                PostgresSecret.USERNAME, owner).close())
                .hasMessageContaining("no encryption");
    }

    @Test
    void redisTakesNoPlainConnection() {
        try (Jedis plain = new Jedis("127.0.0.1", redisPort, 2000)) {
            plain.auth(secrets.get(StackNames.redisSecret(stack)).get(StackNames.REDIS_PASSWORD_KEY));
            throw new AssertionError("a plain-text client was answered");
        } catch (redis.clients.jedis.exceptions.JedisException refused) {
            assertThat(refused).isNotNull();
        }
    }

    @Test
    void theMigrationAndTheApiConnectWithTheServersCertificatesChecked() throws Exception {
        Container migration = MigrationJob.build(stack).getSpec().getTemplate().getSpec().getContainers().getFirst();
        LocalContainer.Exit migrated = apiKubelet(caVolume).run(migration);
        assertThat(migrated.code()).as("migrate printed:%n%s", migrated.output()).isZero();
        Map<String, String> login = secrets.get(StackNames.postgresLogin(stack));
        Container grant = object(Job.class, StackNames.grantLoginJob(stack, login.get(StackNames.POSTGRES_USERNAME_KEY),
                login.get(StackNames.POSTGRES_PASSWORD_KEY))).getSpec().getTemplate().getSpec().getContainers().getFirst();
        LocalContainer.Exit granted = apiKubelet(caVolume).run(grant);
        assertThat(granted.code()).as("grant-login printed:%n%s", granted.output()).isZero();

        Container api = object(Deployment.class, StackNames.api(stack)).getSpec().getTemplate().getSpec()
                .getContainers().getFirst();
        int httpPort = TestServers.freePort();
        Map<String, String> env = new HashMap<>(apiKubelet(caVolume).environment(api));
        env.put("AICC_HTTP_PORT", Integer.toString(httpPort));
        Path log = work.resolve("api.log");
        Process server = MainProcess.start(env, log);
        try {
            HttpResponse<String> ready = ApiReadiness.await(URI.create("http://127.0.0.1:" + httpPort), server, log);
            assertThat(ready.statusCode()).as("/health/ready: %s%n%s", ready.body(), Files.readString(log)).isEqualTo(200);
            assertThat(ready.body()).contains("postgres").contains("redis");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCertificateOfAnotherCaIsRefusedSayingSo() throws Exception {
        String otherCa = StackCertificates.issue(stack, Instant.now()).ca().certificate();
        Container migration = MigrationJob.build(stack).getSpec().getTemplate().getSpec().getContainers().getFirst();
        LocalContainer.Exit refused = apiKubelet(volume("other-ca", Map.of("ca.crt", otherCa))).run(migration);
        assertThat(refused.code()).isNotZero();
        assertThat(refused.output()).containsIgnoringCase("certificate");
    }

    @Test
    void theBackupsDumpChecksTheServersCertificateAndItsName() throws Exception {
        PodSpec pod = BackupCronJob.build(stack).getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        Container dump = pod.getInitContainers().getFirst();
        Path workVolume = dir("dump-work");
        // libpq checks the certificate against PGHOST, the Service's name, and connects to PGHOSTADDR
        Map<String, String> network = Map.of("PGHOSTADDR", "127.0.0.1", "PGPORT", Integer.toString(postgres.port()));
        LocalContainer.Exit dumped = kubelet(Map.of("work", workVolume, "tmp", dir("dump-tmp"), "postgres-ca", caVolume,
                "backups", dir("backups")), network).run(dump);
        assertThat(dumped.code()).as("pg_dump printed:%n%s", dumped.output()).isZero();
        assertThat(workVolume.resolve("stack.dump")).isNotEmptyFile();

        String otherCa = StackCertificates.issue(stack, Instant.now()).ca().certificate();
        LocalContainer.Exit refused = kubelet(Map.of("work", dir("dump-work-2"), "tmp", dir("dump-tmp-2"),
                "postgres-ca", volume("dump-other-ca", Map.of("ca.crt", otherCa)), "backups", dir("backups-2")), network)
                .run(dump);
        assertThat(refused.code()).isNotZero();
        assertThat(refused.output()).contains("certificate verify failed");
    }

    /** The API image's containers: the CA volumes, scratch space, and the cluster's DNS and Service ports. */
    private static LocalContainer apiKubelet(Path ca) throws IOException {
        var config = object(ConfigMap.class, StackNames.apiConfig(stack)).getData();
        String database = config.get("AICC_DB_URL").replace(":" + PostgresService.PORT + "/", ":" + postgres.port() + "/");
        String cache = config.get("AICC_REDIS_URL").replace(":" + RedisService.PORT, ":" + redisPort);
        return new LocalContainer(Map.of("tmp", dir("api-tmp"), "postgres-ca", ca, "redis-ca", ca), secrets,
                Map.of(StackNames.apiConfig(stack), config),
                Map.of("AICC_DB_URL", database.replace("/etc/aicodecraft/postgres-ca", ca.toString()),
                        "AICC_REDIS_URL", cache, "AICC_REDIS_CA_FILE", ca.resolve("ca.crt").toString(),
                        "JAVA_TOOL_OPTIONS", "-Djdk.net.hosts.file=" + hosts));
    }

    private static LocalContainer kubelet(Map<String, Path> volumes, Map<String, String> overrides) {
        return new LocalContainer(volumes, secrets, Map.of(), overrides);
    }

    /** A probe's {@code sh -c} command, its mount paths the test's directories, the Service's port the test server's. */
    private static int shell(LocalContainer kubelet, Container container, List<String> command, int servicePort, int port,
                             Map<String, String> extra) throws Exception {
        String script = kubelet.script(container, command.get(2)).replace("-p " + servicePort, "-p " + port);
        var builder = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true);
        builder.environment().putAll(kubelet.environment(container));
        builder.environment().putAll(extra);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() != 0) {
            System.err.println(script + ": " + output);
        }
        return process.exitValue();
    }

    /**
     * A Secret volume as the kubelet lays it out for a pod with an fsGroup: files owned by root and the group, with
     * the volume's defaultMode, in a directory the group may enter.
     */
    private static Path serverVolume(PodSpec pod, String secretName, String group) throws Exception {
        Volume volume = pod.getVolumes().stream().filter(v -> v.getSecret() != null
                && secretName.equals(v.getSecret().getSecretName())).findFirst().orElseThrow();
        String container = pod.getContainers().getFirst().getName();
        Path directory = volume("tls-" + container, secrets.get(secretName));
        String mode = Integer.toOctalString(volume.getSecret().getDefaultMode());
        run("chown", "-R", "root:" + group, directory.toString());
        run("chmod", "0750", directory.toString());
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                run("chmod", mode, file.toString());
            }
        }
        return directory;
    }

    private static Path volume(String name, Map<String, String> files) throws IOException {
        Path directory = dir(name);
        for (var file : files.entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue());
        }
        return directory;
    }

    private static Path dir(String name) throws IOException {
        Path directory = Files.createDirectories(work.resolve(name));
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        return directory;
    }

    /** The Service's port in a server's arguments, as the test server's free port. */
    private static List<String> servicePort(List<String> args, int servicePort, int port) {
        return args.stream().map(arg -> arg.equals(Integer.toString(servicePort)) ? Integer.toString(port) : arg).toList();
    }

    private static String serviceHost(String service) {
        return service + "." + stack.getMetadata().getNamespace() + ".svc";
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + ": " + output);
        }
    }

    private static <T extends HasMetadata> T object(Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static AICodeCraftStack stack(String fixture) throws Exception {
        try (InputStream in = TlsContractTest.class.getResourceAsStream("/stacks/" + fixture + ".yaml")) {
            return StackFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
