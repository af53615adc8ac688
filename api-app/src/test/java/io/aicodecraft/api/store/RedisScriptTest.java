package io.aicodecraft.api.store;

import io.aicodecraft.api.OwnRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lua scripts under src/main/resources/redis/ on a Redis of their own. */
class RedisScriptTest {
    private static OwnRedis server;
    private static JedisPooled redis;

    @BeforeAll
    static void start() throws IOException {
        server = OwnRedis.started();
        redis = new JedisPooled(server.config().host(), server.config().port());
    }

    @AfterAll
    static void stop() throws IOException {
        redis.close();
        server.stop();
    }

    @Test
    void everyScriptLoadsAndItsShaIsTheOneRedisComputes() {
        for (String name : List.of("chain-submit", "chain-start", "chain-complete", "hash-set-if-present",
                "rate-limit")) {
            RedisScript script = RedisScript.load(name);
            String source = new String(readResource(name), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(redis.scriptLoad(source)).as(name).isEqualTo(script.sha());
        }
    }

    @Test
    void aRedisThatDoesNotKnowTheScriptIsSentItOnceAndThenRunsItBySha() {
        RedisScript script = RedisScript.load("hash-set-if-present");
        redis.hset("script-test", Map.of("a", "1"));
        redis.scriptFlush();

        assertThat(script.run(redis, List.of("script-test"), List.of("b", "2"))).isEqualTo(1L);

        assertThat(redis.scriptExists(script.sha(), "script-test")).isTrue();
        assertThat(script.run(redis, List.of("no-such-hash"), List.of("b", "2"))).isEqualTo(0L);
        assertThat(redis.exists("no-such-hash")).isFalse();
        assertThat(redis.hget("script-test", "b")).isEqualTo("2");
    }

    private static byte[] readResource(String name) {
        try (var in = RedisScriptTest.class.getResourceAsStream("/redis/" + name + ".lua")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
