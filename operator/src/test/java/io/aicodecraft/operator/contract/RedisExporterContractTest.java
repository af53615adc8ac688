package io.aicodecraft.operator.contract;

import io.aicodecraft.api.TestServers;
import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.RedisExporter;
import io.aicodecraft.operator.model.SecretValues;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.StackObjects;
import io.aicodecraft.operator.testing.GrafanaDashboard;
import io.aicodecraft.operator.testing.PromqlMetrics;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The managed Redis's exporter, run as the kubelet would run its pod: the redis-server on the PATH with the redis
 * container's own arguments (its Unix socket in the directory that plays the volume the two containers share, its
 * exporter user among its users), and redis_exporter of the pinned release (built from
 * {@code testcluster/exporters/redis}) with the exporter container's own environment and arguments. Only the ports
 * are the test's free ones, and the socket's path the directory that plays its volume.
 */
class RedisExporterContractTest {

    private static final String EXPORTER_PACKAGE = "github.com/oliver006/redis_exporter";

    @TempDir
    static Path work;

    private static Container server;
    private static Container exporter;
    private static Map<String, String> redisSecret;
    private static RedisServerProcess redis;
    private static int redisPort;
    private static ExporterProcess exporterProcess;

    @BeforeAll
    static void startRedisAndItsExporterAsThePodRunsThem() throws Exception {
        AICodeCraftStack stack = TestStacks.minimal("tenant-a", "team-a");
        // without TLS (TlsContractTest runs the server with it); the exporter uses the socket either way
        stack.getSpec().getTls().setEnabled(false);
        var objects = StackObjects.render(stack, SecretValues.generate());
        var secrets = LocalContainer.secrets(objects);
        redisSecret = secrets.get(StackNames.redisSecret(stack));
        PodSpec pod = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(deployment -> deployment.getMetadata().getName().equals(StackNames.redis(stack))).findFirst()
                .orElseThrow().getSpec().getTemplate().getSpec();
        server = pod.getContainers().getFirst();
        exporter = pod.getContainers().stream().filter(c -> c.getName().equals(RedisExporter.CONTAINER))
                .findFirst().orElseThrow();

        Map<String, Path> volumes = new HashMap<>();
        for (String volume : List.of("data", "tmp", "auth", "socket")) {
            volumes.put(volume, Files.createDirectories(work.resolve(volume)));
        }
        var kubelet = new LocalContainer(volumes, secrets, Map.of(), Map.of());
        redisPort = TestServers.freePort();
        List<String> serverArguments = new ArrayList<>(kubelet.arguments(server, server.getArgs(), kubelet.environment(server)));
        serverArguments.addAll(List.of("--port", Integer.toString(redisPort)));
        redis = RedisServerProcess.start(redisPort, serverArguments, work.resolve("redis.log"));

        String socket = socketPath(server);
        Path playedSocket = volumes.get("socket").resolve(Path.of(socket).getFileName());
        var environment = new LocalContainer(volumes, secrets, Map.of(),
                Map.of("REDIS_ADDR", "unix://" + playedSocket)).environment(exporter);
        exporterProcess = ExporterProcess.start("testcluster/exporters/redis", "redis_exporter", EXPORTER_PACKAGE,
                RedisExporter.PORT, kubelet.arguments(exporter, exporter.getArgs(), environment), environment,
                work.resolve("exporter.log"));
    }

    @AfterAll
    static void stop() {
        if (exporterProcess != null) {
            exporterProcess.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void theExporterConnectsToTheSocketRedisOpensOnTheVolumeTheyShare() {
        String socket = socketPath(server);
        VolumeMount shared = exporter.getVolumeMounts().stream()
                .filter(mount -> socket.startsWith(mount.getMountPath() + "/")).findFirst().orElseThrow();

        assertThat(server.getVolumeMounts()).contains(shared);
        assertThat(exporter.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
                .contains(tuple("REDIS_ADDR", "unix://" + socket));
    }

    @Test
    void theExporterReadsEveryStatisticItAsksForAsItsOwnUser() throws Exception {
        assertThat(exporterProcess.scrapeWhenUp("redis_up 1")).contains("redis_exporter_last_scrape_error{err=\"\"} 0");

        assertThat(Files.readString(work.resolve("exporter.log"))).as("a command its user may not run")
                .doesNotContain("NOPERM");
    }

    @Test
    void theExporterUserMayReadNoKeyAndChangeNothing() {
        try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
            jedis.auth(RedisExporter.USER, redisSecret.get("exporter"));

            assertThat(jedis.info("memory")).contains("used_memory:");
            assertThatThrownBy(() -> jedis.get("chain:queue")).isInstanceOf(JedisDataException.class)
                    .hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> jedis.configSet("maxmemory", "1")).isInstanceOf(JedisDataException.class)
                    .hasMessageContaining("NOPERM");
        }
    }

    @Test
    void everyRedisMetricOfTheDashboardIsOneTheExporterServes() throws Exception {
        Set<String> served = PromqlMetrics.names(exporterProcess.scrapeWhenUp("redis_up 1"));

        Set<String> read = GrafanaDashboard.expressions().stream()
                .flatMap(expr -> PromqlMetrics.selected(expr).stream())
                .filter(metric -> metric.startsWith(RedisExporter.METRIC_PREFIX))
                .collect(Collectors.toSet());
        assertThat(read).contains("redis_memory_used_bytes", "redis_config_maxclients");
        assertThat(served).containsAll(read);
    }

    /** The socket path the redis container's own arguments give Redis. */
    private static String socketPath(Container redisContainer) {
        List<String> args = redisContainer.getArgs();
        return args.get(args.indexOf("--unixsocket") + 1);
    }
}
