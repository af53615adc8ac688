package io.aicodecraft.api.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.ChainConfig;
import io.aicodecraft.api.config.ModelConfig;
import io.aicodecraft.api.store.RedisKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static io.aicodecraft.api.chain.ChainClient.chain;
import static io.aicodecraft.api.chain.ChainClient.task;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker that dies mid-task is played by a consumer that reads the task from the group and never acknowledges
 * it. The chain is submitted to an instance without workers, so that the dying consumer is the first to read.
 */
class ChainRetryTest {
    private static final ChainTestServers SERVERS = new ChainTestServers(11);
    private static final ChainConfig QUICK_CLAIM = ChainConfig.defaults().withClaimIdle(Duration.ofSeconds(1));

    private final List<ApiServer> started = new ArrayList<>();
    private final JedisPooled redis = SERVERS.redis();
    private final UUID user = UUID.randomUUID();
    private ChainClient chains;

    @BeforeEach
    void acceptChainsWithoutRunningThem() {
        redis.flushDB();
        start(QUICK_CLAIM.withWorkers(0));
        chains = new ChainClient(ChainTestServers.client(started.getFirst()));
    }

    @AfterEach
    void stop() {
        started.forEach(ApiServer::close);
        redis.close();
    }

    private void start(ChainConfig config) {
        start(config, ModelConfig.template());
    }

    private void start(ChainConfig config, ModelConfig model) {
        started.add(SERVERS.start(config, model));
    }

    /** Reads the next task as consumer {@code dead-worker} and, like a killed process, never acknowledges it. */
    private StreamEntry readAndDie() {
        List<Map.Entry<String, List<StreamEntry>>> read = redis.xreadGroup(RedisKeys.CHAIN_WORKERS, "dead-worker",
                XReadGroupParams.xReadGroupParams().count(1),
                Map.of(RedisKeys.CHAIN_TASKS, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        assertThat(read).hasSize(1);
        return read.getFirst().getValue().getFirst();
    }

    @Test
    void taskOfAWorkerThatDiedIsClaimedAgainAndRetried() {
        UUID id = chains.submit(user, chain(task("a", "read config"), task("b", "apply config", "a")));
        assertThat(readAndDie().getFields()).containsEntry("task", "a");

        start(QUICK_CLAIM.withWorkers(2));
        JsonNode chain = chains.awaitFinished(user, id);

        assertThat(chain.path("status").asText()).isEqualTo("succeeded");
        Map<String, JsonNode> tasks = ChainClient.tasksById(chain);
        assertThat(tasks.get("a").path("attempts").asInt()).as("the dead worker's delivery and the retry").isEqualTo(2);
        assertThat(tasks.get("a").path("worker").asText()).isNotEqualTo("dead-worker");
        assertThat(tasks.get("b").path("attempts").asInt()).isEqualTo(1);
        assertThat(tasks.get("b").path("output").asText()).contains("--- task a ---").contains("ReadConfig");
        assertThat(redis.xpending(RedisKeys.CHAIN_TASKS, RedisKeys.CHAIN_WORKERS).getTotal()).as("nothing left unacknowledged")
                .isZero();
    }

    @Test
    void liveWorkerSlowerThanTheClaimIdleTimeKeepsItsTask() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer slowModel = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slowModel.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        slowModel.createContext("/v1/chat/completions", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(QUICK_CLAIM.claimIdle().multipliedBy(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"choices\":[{\"message\":{\"content\":\"class Slow {}\"}}]}".getBytes(UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slowModel.start();
        try {
            UUID id = chains.submit(user, chain(task("a", "take your time")));

            start(QUICK_CLAIM.withWorkers(2), new ModelConfig(ModelConfig.Provider.OPENAI,
                    Optional.of(URI.create("http://127.0.0.1:" + slowModel.getAddress().getPort() + "/v1/")),
                    Optional.of("coder"), Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(10)));
            JsonNode chain = chains.awaitFinished(user, id);

            assertThat(chain.path("status").asText()).isEqualTo("succeeded");
            assertThat(chain.path("tasks").get(0).path("attempts").asInt()).isEqualTo(1);
            assertThat(chain.path("tasks").get(0).path("output").asText()).contains("class Slow {}");
            assertThat(calls.get()).as("the model was asked once").isEqualTo(1);
        } finally {
            slowModel.stop(0);
        }
    }

    @Test
    void chainFailsWithTheReasonOnceTheRetriesAreUsedUp() {
        UUID id = chains.submit(user, chain(task("a", "read config"), task("b", "apply config", "a")));
        readAndDie();

        start(QUICK_CLAIM.withWorkers(2).withRetries(0));
        JsonNode chain = chains.awaitFinished(user, id);

        assertThat(chain.path("status").asText()).isEqualTo("failed");
        assertThat(chain.path("reason").asText()).contains("task a failed after 1 attempt(s)")
                .contains("worker stopped");
        Map<String, JsonNode> tasks = ChainClient.tasksById(chain);
        assertThat(tasks.get("a").path("status").asText()).isEqualTo("failed");
        assertThat(tasks.get("b").path("status").asText()).as("never run").isEqualTo("waiting");
        assertThat(redis.xpending(RedisKeys.CHAIN_TASKS, RedisKeys.CHAIN_WORKERS).getTotal()).isZero();
    }

    @Test
    void taskWhoseModelFailsIsRetriedAndThenFailsTheChainWithTheModelsError() {
        UUID id = chains.submit(user, chain(task("a", "read config")));
        ModelConfig unreachable = new ModelConfig(ModelConfig.Provider.OPENAI,
                Optional.of(URI.create("http://127.0.0.1:" + TestServers.freePort() + "/v1/")), Optional.of("coder"),
                Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(1));

        start(QUICK_CLAIM.withWorkers(1).withRetries(1), unreachable);
        JsonNode chain = chains.awaitFinished(user, id);

        assertThat(chain.path("status").asText()).isEqualTo("failed");
        JsonNode a = chain.path("tasks").get(0);
        assertThat(a.path("attempts").asInt()).isEqualTo(2);
        assertThat(a.path("error").asText()).isNotBlank();
        assertThat(chain.path("reason").asText())
                .isEqualTo("task a failed after 2 attempt(s): " + a.path("error").asText());
    }

    @Test
    void failedChainIsKeptInPostgresWithItsReason() {
        UUID id = chains.submit(user, chain(task("a", "read config")));
        readAndDie();
        start(QUICK_CLAIM.withWorkers(1).withRetries(0));
        chains.awaitFinished(user, id);

        redis.flushDB();
        ApiClient.Reply reply = chains.get(user, id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("status").asText()).isEqualTo("failed");
        assertThat(reply.body().path("reason").asText()).contains("task a failed");
    }

    @Test
    void runningChainWhoseRedisStateWasLostIsReportedFailed() {
        UUID id = chains.submit(user, chain(task("a", "read config")));

        redis.flushDB();
        JsonNode chain = chains.awaitFinished(user, id);

        assertThat(chain.path("status").asText()).isEqualTo("failed");
        assertThat(chain.path("reason").asText()).contains("state in Redis was lost");
    }
}
