package io.aicodecraft.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aicodecraft.api.MainProcess;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.backup.Postgres15;
import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.AdminKeySecret;
import io.aicodecraft.operator.model.AdminKeys;
import io.aicodecraft.operator.model.GrantLoginJob;
import io.aicodecraft.operator.model.OwnerPasswordJob;
import io.aicodecraft.operator.model.PostgresOwnerPassword;
import io.aicodecraft.operator.model.MigrationJob;
import io.aicodecraft.operator.model.PostgresLoginSecret;
import io.aicodecraft.operator.model.PostgresLogins;
import io.aicodecraft.operator.model.PostgresSecret;
import io.aicodecraft.operator.model.RedisPasswordJob;
import io.aicodecraft.operator.model.RedisPasswords;
import io.aicodecraft.operator.model.RedisSecret;
import io.aicodecraft.operator.model.SecretValues;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.StackObjects;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Rotating the API's credentials against real API processes: its PostgreSQL login while requests run, on a PostgreSQL
 * that checks passwords as the managed one does; the managed Redis's password while requests run, on a redis-server
 * with the Deployment's own arguments; and its admin key. Each step is what the operator does (the Secrets as
 * their builders make them, applied by hand as the kubelet would read them; the grant Job's container run as the
 * kubelet runs it), and a rollout is a new API process started with the Secrets as they then are, taking the load
 * before the old one stops, as a Service does.
 */
class CredentialRotationContractTest {

    private static final int CLIENTS = 3;

    @TempDir
    static Path work;

    private static AICodeCraftStack stack;
    private static List<HasMetadata> objects;
    private static Map<String, Map<String, String>> secrets;
    private static Postgres15 postgres;
    private static RedisServerProcess redis;
    private static int redisPort;

    @BeforeAll
    static void migratedDatabaseThatChecksPasswords() throws Exception {
        Postgres15.assumeInstalled();
        AICodeCraftStack wanted = TestStacks.minimal("tenant-a", "team-a");
        wanted.getSpec().getTls().setEnabled(false); // TLS has its own contract test
        wanted.getSpec().getApi().getRateLimit().setRequestsPerMinute(1_000_000); // not what this measures
        stack = wanted;
        objects = StackObjects.render(stack, SecretValues.generate());
        secrets = LocalContainer.secrets(objects);
        postgres = Postgres15.startCheckingPasswords(List.of());
        try (Connection c = DriverManager.getConnection(postgres.url("postgres"), "postgres", "");
             Statement sql = c.createStatement()) {
            // the owner as the postgres image makes POSTGRES_USER from the credentials Secret
            sql.execute("CREATE ROLE " + PostgresSecret.USERNAME + " LOGIN SUPERUSER PASSWORD '"
                    + secrets.get(StackNames.postgresSecret(stack)).get(StackNames.POSTGRES_PASSWORD_KEY) + "'");
            sql.execute("CREATE DATABASE " + PostgresSecret.DATABASE + " OWNER " + PostgresSecret.USERNAME);
        }
        // Redis with the Deployment's own arguments: the default user takes each password of the Secret
        Container server = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(deployment -> deployment.getMetadata().getName().equals(StackNames.redis(stack))).findFirst()
                .orElseThrow().getSpec().getTemplate().getSpec().getContainers().getFirst();
        var redisKubelet = new LocalContainer(Map.of("data", Files.createDirectories(work.resolve("redis-data")),
                "tmp", Files.createDirectories(work.resolve("redis-tmp")),
                "socket", Files.createDirectories(work.resolve("redis-socket")),
                "auth", Files.createDirectories(work.resolve("redis-auth"))), secrets, Map.of(), Map.of());
        redisPort = TestServers.freePort();
        List<String> arguments = new ArrayList<>(redisKubelet.arguments(server, server.getArgs(),
                redisKubelet.environment(server)));
        arguments.addAll(List.of("--port", Integer.toString(redisPort))); // without TLS Redis is on its default port
        redis = RedisServerProcess.start(redisPort, arguments, work.resolve("redis.log"));

        Container migration = MigrationJob.build(stack).getSpec().getTemplate().getSpec().getContainers().getFirst();
        LocalContainer.Exit migrated = kubelet().run(migration);
        assertThat(migrated.code()).as("migrate printed:%n%s", migrated.output()).isZero();
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
    void twoRotationsUnderLoadFailNoRequestAndRetireThePasswordsTheyReplace() throws Exception {
        PostgresLogins logins = grant(PostgresLogins.first(SecretValues.randomToken()));
        String firstPassword = logins.passwords().get(PostgresLogins.ROLES.getFirst());
        // the pods of the role in use go on while the other gets its password
        logins = twoRotationsUnderLoad("postgres", logins,
                (current, token) -> grant(current.rotate(token, SecretValues.randomToken())));

        assertThat(logins.active()).contains(PostgresLogins.ROLES.getFirst());
        assertThatThrownBy(() -> login(PostgresLogins.ROLES.getFirst(), firstPassword).close())
                .hasMessageContaining("password authentication failed");
        String second = PostgresLogins.ROLES.get(1);
        login(second, logins.passwords().get(second)).close(); // the previous role works until the next rotation
        assertThat(postgres.log()).doesNotContain(firstPassword, logins.passwords().get(second));
    }

    @Test
    void theOwnersJobGivesPostgresTheNewPasswordAndTheOwnersJobsAfterItUseIt() throws Exception {
        PostgresOwnerPassword current = objects.stream().filter(Secret.class::isInstance).map(Secret.class::cast)
                .filter(secret -> secret.getMetadata().getName().equals(StackNames.postgresSecret(stack)))
                .findFirst().flatMap(PostgresSecret::read).orElseThrow();
        PostgresOwnerPassword rotating = current.rotate("owner-1", SecretValues.randomToken());
        secrets.putAll(LocalContainer.secrets(List.of(PostgresSecret.build(stack, rotating))));
        Container job = OwnerPasswordJob.build(stack, rotating).getSpec().getTemplate().getSpec().getContainers().getFirst();

        LocalContainer.Exit set = kubelet().run(job);
        assertThat(set.code()).as("set-owner-password printed:%n%s", set.output()).isZero();
        LocalContainer.Exit retried = kubelet().run(job);
        assertThat(retried.code()).as("a retried pod, the Secret as it was:%n%s", retried.output()).isZero();
        assertThat(retried.output()).contains("already had its new password");
        assertThat(set.output() + retried.output()).doesNotContain(current.password(), rotating.next().orElseThrow());
        assertThatThrownBy(() -> login(PostgresSecret.USERNAME, current.password()).close())
                .hasMessageContaining("password authentication failed");

        secrets.putAll(LocalContainer.secrets(List.of(PostgresSecret.build(stack, rotating.changed(Instant.now())))));
        Container migration = MigrationJob.build(stack).getSpec().getTemplate().getSpec().getContainers().getFirst();
        LocalContainer.Exit migrated = kubelet().run(migration);
        assertThat(migrated.code()).as("migrate after the rotation printed:%n%s", migrated.output()).isZero();
    }

    @Test
    void aRotatedAdminKeyWorksBesideTheOneItReplacedUntilThatExpires() throws Exception {
        grant(PostgresLogins.first(SecretValues.randomToken()));
        AdminKeys first = AdminKeys.first(SecretValues.randomToken());
        AdminKeys rotated = first.rotate("admin-1", SecretValues.randomToken(), Instant.now());
        secrets.putAll(LocalContainer.secrets(List.of(AdminKeySecret.build(stack, rotated))));
        ApiPod pod = ApiPod.start("api-admin-1");
        try {
            assertThat(pod.listKeys(rotated.key())).isEqualTo(200);
            assertThat(pod.listKeys(first.key())).as("the replaced key, within its grace").isEqualTo(200);
        } finally {
            pod.stop();
        }

        AdminKeys dayOld = first.rotate("admin-2", SecretValues.randomToken(), Instant.now().minus(AdminKeys.GRACE).minusSeconds(1));
        secrets.putAll(LocalContainer.secrets(List.of(AdminKeySecret.build(stack, dayOld))));
        pod = ApiPod.start("api-admin-2");
        try {
            assertThat(pod.listKeys(dayOld.key())).isEqualTo(200);
            assertThat(pod.listKeys(first.key())).as("the replaced key, after its grace").isEqualTo(401);
        } finally {
            pod.stop();
        }
    }

    @Test
    void twoRedisRotationsUnderLoadFailNoRequestAndDropThePasswordBeforeTheLast() throws Exception {
        grant(PostgresLogins.first(SecretValues.randomToken()));
        RedisPasswords passwords = RedisSecret.read(redisSecret()).orElseThrow();
        String first = passwords.password();
        // the pods go on with the password in use while the new one is added
        passwords = twoRotationsUnderLoad("redis", passwords,
                (current, token) -> addPassword(current.rotate(token, SecretValues.randomToken())));

        assertThat(redisAccepts(first)).as("the password two rotations ago").isFalse();
        assertThat(redisAccepts(passwords.previous())).as("the one the latest rotation replaced").isTrue();
        assertThat(redisAccepts(passwords.password())).isTrue();
    }

    /** One rotation's steps as the operator takes them, from {@code state} for the stack's token {@code token}. */
    private interface Rotation<S> {
        S rotate(S state, String token) throws Exception;
    }

    /**
     * Two rotations while clients post generations without pause, each followed by a rollout onto what it made; no
     * request may fail, and enough must have been answered to show the load ran throughout. Returns the last state.
     */
    private static <S> S twoRotationsUnderLoad(String name, S state, Rotation<S> rotation) throws Exception {
        ApiPod serving = ApiPod.start("api-" + name);
        Load load = new Load(serving, serving.issueKey());
        load.start();
        S current = state;
        try {
            for (String token : List.of(name + "-1", name + "-2")) {
                load.awaitMore(20);
                current = rotation.rotate(current, token);
                load.awaitMore(20);
                serving = load.rollOnto(serving, "api-" + token);
            }
            load.awaitMore(20);
        } finally {
            load.stop();
            serving.stop();
        }
        System.out.printf("two %s rotations under load: %d requests answered, %d failed%n", name, load.succeeded(),
                load.failures().size());
        assertThat(load.failures()).as("failed requests").isEmpty();
        assertThat(load.succeeded()).as("requests answered across the rotations").isGreaterThanOrEqualTo(100);
        return current;
    }

    /** What the operator does for a Redis rotation: writes the Secret, runs the Job that adds the password, moves. */
    private static RedisPasswords addPassword(RedisPasswords rotating) throws Exception {
        secrets.putAll(LocalContainer.secrets(List.of(RedisSecret.build(stack, rotating, RedisSecret.exporterPassword(redisSecret()).orElseThrow()))));
        Container add = RedisPasswordJob.build(stack, rotating).getSpec().getTemplate().getSpec().getContainers().getFirst();
        LocalContainer.Exit added = new LocalContainer(Map.of(), secrets, Map.of(),
                Map.of("REDIS_HOST", "127.0.0.1", "REDIS_PORT", Integer.toString(redisPort))).run(add);
        assertThat(added.code()).as("the Redis password Job printed:%n%s", added.output()).isZero();
        RedisPasswords moved = rotating.added(Instant.now());
        secrets.putAll(LocalContainer.secrets(List.of(RedisSecret.build(stack, moved, RedisSecret.exporterPassword(redisSecret()).orElseThrow()))));
        return moved;
    }

    private static Secret redisSecret() {
        return objects.stream().filter(Secret.class::isInstance).map(Secret.class::cast)
                .filter(secret -> secret.getMetadata().getName().equals(StackNames.redisSecret(stack))).findFirst().orElseThrow();
    }

    private static boolean redisAccepts(String password) {
        try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
            jedis.auth(password);
            return "PONG".equals(jedis.ping());
        } catch (JedisException refused) {
            return false;
        }
    }

    /**
     * What the operator does for {@code logins}' target role: writes the Secret, runs its grant Job, and once that
     * succeeded moves the Secret onto the role.
     */
    private static PostgresLogins grant(PostgresLogins logins) throws Exception {
        apply(logins);
        Container grant = GrantLoginJob.build(stack, logins).getSpec().getTemplate().getSpec().getContainers().getFirst();
        LocalContainer.Exit granted = kubelet().run(grant);
        assertThat(granted.code()).as("grant-login printed:%n%s", granted.output()).isZero();
        PostgresLogins moved = logins.granted(Instant.now());
        apply(moved);
        return moved;
    }

    private static void apply(PostgresLogins logins) {
        secrets.putAll(LocalContainer.secrets(List.of(PostgresLoginSecret.build(stack, logins))));
    }

    /** The API image's containers, with the Secrets as they are now and the test's servers for the Services. */
    private static LocalContainer kubelet() throws IOException {
        var config = objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(map -> map.getMetadata().getName().equals(StackNames.apiConfig(stack))).findFirst().orElseThrow()
                .getData();
        return new LocalContainer(Map.of("tmp", Files.createDirectories(work.resolve("tmp"))), secrets,
                Map.of(StackNames.apiConfig(stack), config),
                Map.of("AICC_DB_URL", postgres.url(PostgresSecret.DATABASE),
                        "AICC_REDIS_URL", "redis://127.0.0.1:" + redisPort));
    }

    private static Connection login(String role, String password) throws SQLException {
        return DriverManager.getConnection(postgres.url(PostgresSecret.DATABASE), role, password);
    }

    /** One API pod: the Deployment's container as a process, with the login Secret as it is at its start. */
    private record ApiPod(Process process, URI base, Path log) {

        static ApiPod start(String name) throws Exception {
            Container api = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                    .filter(deployment -> deployment.getMetadata().getName().equals(StackNames.api(stack))).findFirst().orElseThrow().getSpec().getTemplate().getSpec().getContainers().getFirst();
            int port = TestServers.freePort();
            Map<String, String> env = new HashMap<>(kubelet().environment(api));
            env.put("AICC_HTTP_PORT", Integer.toString(port));
            Path log = work.resolve(name + ".log");
            var pod = new ApiPod(MainProcess.start(env, log), URI.create("http://127.0.0.1:" + port), log);
            pod.awaitReady();
            return pod;
        }

        /** A tenant's API key, issued with the stack's admin key: every request then reads the key from the database. */
        String issueKey() throws Exception {
            String admin = secrets.get(StackNames.adminKeySecret(stack)).get(StackNames.ADMIN_KEY_KEY);
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/v1/keys"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body()).path("key").asText();
        }

        int listKeys(String adminKey) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/v1/keys"))
                    .header("Authorization", "Bearer " + adminKey).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        /** As the kubelet's readiness probe: the Service sends it nothing before. */
        void awaitReady() throws Exception {
            HttpResponse<String> ready = ApiReadiness.await(base, process, log);
            if (ready.statusCode() != 200) {
                throw new AssertionError("the API never became ready:\n" + Files.readString(log));
            }
        }

        /** SIGTERM, as the kubelet stops a pod the Service no longer sends to. */
        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** Clients writing generations without pause to whichever pod the Service sends to, each request counted. */
    private static final class Load {
        private final AtomicReference<ApiPod> target;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger succeeded = new AtomicInteger();
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();
        private final List<Thread> clients;
        private final String key;

        Load(ApiPod first, String key) {
            this.key = key;
            target = new AtomicReference<>(first);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            clients = java.util.stream.IntStream.range(0, CLIENTS)
                    .mapToObj(i -> Thread.ofPlatform().name("load-" + i).unstarted(() -> run(http))).toList();
        }

        void start() {
            clients.forEach(Thread::start);
        }

        /**
         * A rollout: a new pod started with the Secrets as they are now takes the requests once ready, then the old
         * one stops after those already sent to it finished (its endpoint is removed before the kubelet stops it).
         */
        ApiPod rollOnto(ApiPod serving, String name) throws Exception {
            ApiPod rolled = ApiPod.start(name);
            target.set(rolled);
            Thread.sleep(1000);
            serving.stop();
            return rolled;
        }

        void awaitMore(int requests) throws InterruptedException {
            int wanted = succeeded.get() + requests;
            for (int i = 0; i < 600 && succeeded.get() < wanted && failures.isEmpty(); i++) {
                Thread.sleep(50);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join(10_000);
            }
        }

        int succeeded() {
            return succeeded.get();
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        private void run(HttpClient http) {
            while (running.get()) {
                ApiPod pod = target.get();
                HttpRequest request = HttpRequest.newBuilder(pod.base().resolve("/v1/generations"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"prompt\":\"reverse string " + UUID.randomUUID() + "\",\"language\":\"java\"}"))
                        .build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        succeeded.incrementAndGet();
                    } else {
                        failures.add(response.statusCode() + " " + response.body());
                    }
                } catch (IOException e) {
                    failures.add(pod.base() + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
