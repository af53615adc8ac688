package io.aicodecraft.api.chain;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.ApiConfig;
import io.aicodecraft.api.config.ChainConfig;
import io.aicodecraft.api.config.ModelConfig;
import io.aicodecraft.api.config.RedisConfig;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

import java.net.URI;
import java.time.Duration;

/**
 * API instances with chain settings of their own on the shared PostgreSQL and on one Redis database of the shared
 * server, so that their queue is theirs alone (the shared API's workers read database 0).
 */
final class ChainTestServers {
    private final RedisConfig redis;

    ChainTestServers(int redisDatabase) {
        RedisConfig shared = TestServers.shared().redis();
        this.redis = new RedisConfig(shared.host(), shared.port(), redisDatabase, shared.password(),
                shared.poolMaxTotal(), shared.poolMaxIdle(), shared.timeout());
    }

    ApiServer start(ChainConfig chains) {
        return start(chains, ModelConfig.template());
    }

    ApiServer start(ChainConfig chains, ModelConfig model) {
        ApiConfig config = new ApiConfig(0, TestServers.shared().database(), redis, Duration.ofMinutes(5), model)
                .withChains(chains);
        return ApiServer.start(config, "127.0.0.1");
    }

    /** The queue alone, without an API or workers. */
    ChainQueue queue(ChainConfig chains) {
        return new ChainQueue(redis, chains, ApiClient.json().copy().registerModule(new JavaTimeModule()));
    }

    static ApiClient client(ApiServer server) {
        return new ApiClient(URI.create("http://127.0.0.1:" + server.port()));
    }

    RedisConfig redisConfig() {
        return redis;
    }

    /** A direct connection to this Redis database, for what a test does behind the API's back. */
    JedisPooled redis() {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder().database(redis.database());
        redis.password().ifPresent(client::password);
        return new JedisPooled(new HostAndPort(redis.host(), redis.port()), client.build());
    }
}
