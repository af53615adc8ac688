package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Redis Deployment's arguments, run by a real redis-server the way the kubelet would run them
 * ({@code $(REDIS_PASSWORD)} expanded), enforce the password and the limits of the spec and the plan.
 */
class RedisServerArgumentsTest {

    private static final String PASSWORD = SecretValues.randomToken();
    private static final AICodeCraftStack STACK = TestStacks.load("customised");
    private static final PoolPlan PLAN = PoolPlan.of(STACK.getSpec());

    @TempDir
    static Path dataDirectory;

    private static RedisServer server;
    private static int port;

    @BeforeAll
    static void startRedisWithTheRenderedArguments() throws IOException {
        port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ExecutableProvider.newJarResourceProvider().get().getAbsolutePath());
        command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1"));
        for (String argument : RedisDeployment.serverArguments(STACK.getSpec().getRedis().getManaged(), PLAN, StackTls.redis(STACK))) {
            command.add(argument.replace("$(REDIS_PASSWORD)", PASSWORD).replace("/data", dataDirectory.toString()));
        }
        server = new RedisServer(port, command, true);
        server.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aClientWithoutThePasswordIsRefused() {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            assertThatThrownBy(jedis::ping).isInstanceOf(JedisDataException.class).hasMessageContaining("NOAUTH");
        }
    }

    @Test
    void theSecretsPasswordIsTheOneRedisAsksFor() {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.auth(PASSWORD);

            assertThat(jedis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void maxclientsIsThePoolPlans() {
        assertThat(config("maxclients")).isEqualTo(Integer.toString(PLAN.redisMaxClients()));
    }

    @Test
    void maxmemoryAndItsPolicyAreTheSpecs() {
        assertThat(config("maxmemory")).isEqualTo(Long.toString(1024L * 1024 * 1024));
        assertThat(config("maxmemory-policy")).isEqualTo("volatile-lru");
    }

    @Test
    void persistenceIsTheAppendOnlyFileWithoutSnapshots() {
        assertThat(config("appendonly")).isEqualTo("yes");
        assertThat(config("save")).isEmpty();
    }

    private static String config(String name) {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.auth(PASSWORD);
            return jedis.configGet(name).get(name);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
