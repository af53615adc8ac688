package io.aicodecraft.api;

import io.aicodecraft.api.config.ApiConfig;
import io.aicodecraft.api.config.ModelConfig;
import io.aicodecraft.api.config.RedisConfig;
import io.aicodecraft.api.store.RedisCache;
import redis.embedded.RedisServer;

import java.io.IOException;

/** A Redis server of one test class's own, which its tests stop and start again under a running API. */
public final class OwnRedis implements AutoCloseable {
    private final RedisServer server;
    private final int port;
    private RedisCache cache;

    private OwnRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static OwnRedis started() throws IOException {
        int port = TestServers.freePort();
        RedisServer server = LocalRedis.server(port);
        server.start();
        return new OwnRedis(server, port);
    }

    public RedisConfig config() {
        return RedisConfig.of("redis://127.0.0.1:" + port);
    }

    /** The shared test API's configuration (shared PostgreSQL, template model) with this Redis instead. */
    public ApiConfig api() {
        ApiConfig shared = TestServers.shared().api(ModelConfig.template());
        return new ApiConfig(shared.httpPort(), shared.database(), config(), shared.cacheTtl(), shared.model());
    }

    public void stop() throws IOException {
        server.stop();
    }

    public void start() throws IOException {
        server.start();
    }

    /** Runs {@code check} with this Redis stopped, and starts it again whatever the check did. */
    public void whileDown(Runnable check) throws IOException {
        stop();
        try {
            check.run();
        } finally {
            start();
        }
    }

    /** The API's cache client on this Redis, made once and closed with it. */
    public synchronized RedisCache cache() {
        if (cache == null) {
            cache = new RedisCache(config());
        }
        return cache;
    }

    @Override
    public synchronized void close() throws IOException {
        if (cache != null) {
            cache.close();
        }
        server.stop();
    }
}
