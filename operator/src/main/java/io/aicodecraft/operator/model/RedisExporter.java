package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;

import java.util.List;

/**
 * Prometheus's redis_exporter beside the managed Redis, in its pod. It connects over a Unix socket the two containers
 * share, so it needs neither the Service nor a certificate that names the pod, and authenticates as Redis's
 * {@code exporter} user, which may run only the commands the exporter reads statistics with (no key, no channel), with
 * a password of its own (RedisSecret): the default user's passwords rotate, and one the exporter started with would
 * go stale.
 */
public final class RedisExporter {

    public static final String CONTAINER = "metrics";
    public static final int PORT = 9121;
    public static final String PORT_NAME = "metrics";
    /** The exporter's metrics: its own and Redis's. */
    public static final String METRIC_PREFIX = "redis_";
    public static final String USER = "exporter";
    static final String SOCKET_VOLUME = "socket";
    static final String SOCKET_DIRECTORY = "/var/run/redis";
    static final String SOCKET = SOCKET_DIRECTORY + "/redis.sock";
    /** Redis's arguments name it, from the Secret: the kubelet expands it. */
    static final String PASSWORD_ENV = "REDIS_EXPORTER_PASSWORD";

    private RedisExporter() {
    }

    /**
     * A managed Redis with monitoring on. The Deployment runs the exporter only where its PodMonitor's kind is
     * installed too: elsewhere nothing would scrape it.
     */
    public static boolean applies(AICodeCraftStack stack) {
        return RedisDeployment.applies(stack) && stack.getSpec().getMonitoring().isEnabled();
    }

    /** Redis's arguments for the exporter: the socket, and the exporter user with exactly the commands it runs. */
    static List<String> serverArguments() {
        return List.of("--unixsocket", SOCKET, "--unixsocketperm", "700",
                "--user", USER, "on", ">$(" + PASSWORD_ENV + ")", "-@all", "+ping", "+info", "+config|get",
                "+client|setname", "+slowlog|get", "+slowlog|len", "+latency|latest", "+latency|histogram");
    }

    static Container container(AICodeCraftStack stack) {
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(stack.getSpec().getMonitoring().getRedisExporterImage())
                .withArgs("--web.listen-address=:" + PORT)
                .withEnv(EnvVars.plain("REDIS_ADDR", "unix://" + SOCKET),
                        EnvVars.plain("REDIS_USER", USER),
                        EnvVars.fromSecret("REDIS_PASSWORD", StackNames.redisSecret(stack), RedisSecret.EXPORTER_KEY))
                .addNewPort().withName(PORT_NAME).withContainerPort(PORT).withProtocol("TCP").endPort()
                .withResources(ContainerResources.EXPORTER.with(null))
                .withSecurityContext(RestrictedSecurity.container())
                .withVolumeMounts(RestrictedSecurity.mount(SOCKET_VOLUME, SOCKET_DIRECTORY),
                        RestrictedSecurity.mount(RedisDeployment.TMP_VOLUME, "/tmp"))
                .build();
    }
}
