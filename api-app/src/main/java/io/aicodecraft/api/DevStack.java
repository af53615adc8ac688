package io.aicodecraft.api;

import io.aicodecraft.api.auth.AdminKey;
import io.aicodecraft.api.config.AccessConfig;
import io.aicodecraft.api.config.ApiConfig;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.config.ModelConfig;
import io.aicodecraft.api.config.RedisConfig;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A whole API on one machine with nothing installed: an embedded PostgreSQL and Redis, the migrations, and
 * the server on 127.0.0.1. Used by the {@code dev} command and by tests (ours and the operator's).
 */
public final class DevStack implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    private final EmbeddedPostgres postgres;
    private final RedisServer redis;
    private final ApiServer api;
    private final String adminKey;

    private DevStack(EmbeddedPostgres postgres, RedisServer redis, ApiServer api, String adminKey) {
        this.postgres = postgres;
        this.redis = redis;
        this.api = api;
        this.adminKey = adminKey;
    }

    /** @param port the API's port, 0 for any free one */
    public static DevStack start(int port) {
        return start(port, AccessConfig.defaults());
    }

    /**
     * @param access the admin key (a new one when it has none) and the rate limit; dev mode is on whatever it says,
     *               so {@code X-User-Id} may name the caller
     */
    public static DevStack start(int port, AccessConfig access) {
        AccessConfig dev = access.withDevMode(true);
        if (dev.adminKey().isEmpty()) {
            dev = dev.withAdminKey(AdminKey.generate());
        }
        EmbeddedPostgres postgres = null;
        RedisServer redis = null;
        try {
            postgres = EmbeddedPostgres.builder().start();
            int redisPort = freePort();
            redis = LocalRedis.server(redisPort);
            redis.start();
            DatabaseConfig database = DatabaseConfig.of(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
            try (Database migrating = new Database(database)) {
                new Migrations(migrating.dataSource()).migrate();
            }
            // every pooled Redis connection may stay idle: a dev machine has no other clients to leave room for,
            // and closing connections beyond maxIdle under load means reconnecting on the next request
            RedisConfig redisConfig = new RedisConfig(LOOPBACK, redisPort, 0, Optional.empty(), 16, 16,
                    RedisConfig.DEFAULT_TIMEOUT);
            ApiConfig config = new ApiConfig(port, database, redisConfig, Duration.ofHours(1), ModelConfig.template())
                    .withAccess(dev);
            return new DevStack(postgres, redis, ApiServer.start(config, LOOPBACK), dev.adminKey().orElseThrow());
        } catch (IOException e) {
            stopQuietly(postgres, redis);
            throw new UncheckedIOException("cannot start the embedded servers", e);
        } catch (RuntimeException e) {
            stopQuietly(postgres, redis);
            throw e;
        }
    }

    /** The admin key that manages this stack's API keys ({@code /v1/keys}). */
    public String adminKey() {
        return adminKey;
    }

    public URI baseUri() {
        return URI.create("http://" + LOOPBACK + ":" + api.port());
    }

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            stopQuietly(postgres, redis);
        }
    }

    private static void stopQuietly(EmbeddedPostgres postgres, RedisServer redis) {
        try {
            if (redis != null) {
                redis.stop();
            }
        } catch (IOException ignored) {
            // stopping is best effort; the process is going away or the test is over
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException ignored) {
            // as above
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }
}
