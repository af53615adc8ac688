package io.aicodecraft.api.store;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.OwnRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A Redis of its own, stopped and started again under a running API. */
class RedisOutageTest {
    private static OwnRedis redis;
    private static ApiServer server;
    private static ApiClient api;
    private final UUID user = UUID.randomUUID();

    @BeforeAll
    static void start() throws IOException {
        redis = OwnRedis.started();
        server = ApiServer.start(redis.api(), "127.0.0.1");
        api = new ApiClient(URI.create("http://127.0.0.1:" + server.port()));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        redis.close();
    }

    private Reply generate(String prompt) {
        return api.post("/v1/generations", user, "{\"prompt\":\"" + prompt + "\",\"language\":\"java\"}");
    }


    @Test
    void generationsSucceedWhileRedisIsDownAndARepeatIsAnsweredByThisInstancesNearCache() throws IOException {
        String prompt = "outage " + UUID.randomUUID();
        redis.whileDown(() -> {
            Reply first = generate(prompt);
            Reply second = generate(prompt);

            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);
            assertThat(first.body().path("cached").asBoolean(true)).as("only the model can answer").isFalse();
            assertThat(second.body().path("cached").asBoolean(false)).as("the near cache answers").isTrue();
        });
    }

    @Test
    void readinessIsDegradedWhileRedisIsDown() throws IOException {
        redis.whileDown(() -> {
            Reply ready = api.get("/health/ready");

            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body().path("status").asText()).isEqualTo("degraded");
            assertThat(ready.body().path("checks").path("redis").path("status").asText()).isEqualTo("down");
            assertThat(ready.body().path("checks").path("postgres").path("status").asText()).isEqualTo("up");
        });
    }

    @Test
    void cachingResumesByItselfWhenRedisReturns() throws IOException {
        redis.whileDown(() -> generate("while down " + UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/health/ready").body().path("status").asText()).isEqualTo("up"));
        String prompt = "after " + UUID.randomUUID();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            generate(prompt);
            assertThat(generate(prompt).body().path("cached").asBoolean(false)).isTrue();
        });
    }
}
