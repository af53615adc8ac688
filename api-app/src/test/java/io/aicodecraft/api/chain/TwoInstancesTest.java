package io.aicodecraft.api.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.config.ChainConfig;
import io.aicodecraft.api.store.RedisKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two API instances, each with its own workers, on one queue. */
class TwoInstancesTest {
    private static final ChainTestServers SERVERS = new ChainTestServers(12);
    private static final int CHAINS = 20;

    private static ApiServer first;
    private static ApiServer second;

    @BeforeAll
    static void startTwoInstances() {
        try (JedisPooled redis = SERVERS.redis()) {
            redis.flushDB();
        }
        first = SERVERS.start(ChainConfig.defaults());
        second = SERVERS.start(ChainConfig.defaults());
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    @Test
    void everyTaskRunsExactlyOnceAndBothInstancesWork() {
        List<ChainClient> clients = List.of(new ChainClient(ChainTestServers.client(first)),
                new ChainClient(ChainTestServers.client(second)));
        UUID user = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < CHAINS; i++) {
            ids.add(clients.get(i % 2).submit(user, ChainClient.diamond("n" + i + "x" + UUID.randomUUID().toString()
                    .replace("-", ""))));
        }

        Set<String> instances = new HashSet<>();
        for (int i = 0; i < CHAINS; i++) {
            JsonNode chain = clients.get((i + 1) % 2).awaitFinished(user, ids.get(i));
            assertThat(chain.path("status").asText()).isEqualTo("succeeded");
            for (JsonNode task : chain.path("tasks")) {
                assertThat(task.path("attempts").asInt()).as("task %s of chain %d", task.path("id"), i).isEqualTo(1);
                String worker = task.path("worker").asText();
                instances.add(worker.substring(0, worker.lastIndexOf("-w")));
            }
        }

        assertThat(instances).as("workers of both instances ran tasks").hasSize(2);
        try (JedisPooled redis = SERVERS.redis()) {
            assertThat(redis.xlen(RedisKeys.CHAIN_TASKS)).as("every delivery acknowledged and removed").isZero();
            assertThat(redis.xpending(RedisKeys.CHAIN_TASKS, RedisKeys.CHAIN_WORKERS).getTotal()).isZero();
        }
    }
}
