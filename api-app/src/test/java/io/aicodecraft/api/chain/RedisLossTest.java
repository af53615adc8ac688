package io.aicodecraft.api.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.OwnRedis;
import io.aicodecraft.api.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.UUID;

import static io.aicodecraft.api.chain.ChainClient.chain;
import static io.aicodecraft.api.chain.ChainClient.task;
import static org.assertj.core.api.Assertions.assertThat;

/** A Redis of its own (without persistence), stopped and started again under a running API. */
class RedisLossTest {
    private static OwnRedis redis;
    private static ApiServer server;
    private static ApiClient api;
    private static ChainClient chains;
    private final UUID user = UUID.randomUUID();

    @BeforeAll
    static void start() throws IOException {
        redis = OwnRedis.started();
        server = ApiServer.start(redis.api(), "127.0.0.1");
        api = ChainTestServers.client(server);
        chains = new ChainClient(api);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        redis.close();
    }

    private JsonNode finishedDiamond() {
        UUID id = chains.submit(user, ChainClient.diamond("r" + UUID.randomUUID().toString().replace("-", "")));
        JsonNode chain = chains.awaitFinished(user, id);
        assertThat(chain.path("status").asText()).isEqualTo("succeeded");
        return chain;
    }

    private UUID id(JsonNode chain) {
        return UUID.fromString(chain.path("id").asText());
    }

    @Test
    void finishedChainIsReadFromPostgresWhileRedisIsDown() throws IOException {
        JsonNode finished = finishedDiamond();

        redis.stop();
        try {
            ApiClient.Reply reply = chains.get(user, id(finished));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo(finished);
        } finally {
            redis.start();
        }
    }

    @Test
    void finishedChainOutlivesARedisThatRestartedEmpty() throws IOException {
        JsonNode finished = finishedDiamond();

        redis.stop();
        redis.start();
        ApiClient.Reply reply = chains.get(user, id(finished));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(finished);
        assertThat(chains.get(UUID.randomUUID(), id(finished)).status()).as("still only its owner's").isEqualTo(404);
    }

    @Test
    void chainsRunAgainAfterRedisRestartedEmpty() throws IOException {
        finishedDiamond();

        redis.stop();
        redis.start();

        finishedDiamond();
    }

    @Test
    void submissionWhileRedisIsDownIsAServiceUnavailableProblem() throws IOException {
        redis.stop();
        try {
            ApiClient.Reply reply = api.post("/v1/chains", user, chain(task("a", "anything")));

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body().path("type").asText()).endsWith("/queue-unavailable");
        } finally {
            redis.start();
        }
    }
}
