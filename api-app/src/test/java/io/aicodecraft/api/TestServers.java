package io.aicodecraft.api;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL and Redis shared by all tests of one JVM, migrated once. Embedded servers by default; set
 * {@code AICC_TEST_DB_URL} (+ {@code AICC_TEST_DB_USER}, {@code AICC_TEST_DB_PASSWORD}) and
 * {@code AICC_TEST_REDIS_URL} (+ {@code AICC_TEST_REDIS_PASSWORD}) to use running servers instead. Tests that
 * stop a server start their own (see {@link #freePort()}), never these.
 */
public final class TestServers {
    private static TestServers shared;

    private final DatabaseConfig database;
    private final RedisConfig redis;

    private TestServers(DatabaseConfig database, RedisConfig redis) {
        this.database = database;
        this.redis = redis;
    }

    public static synchronized TestServers shared() {
        if (shared == null) {
            shared = new TestServers(startDatabase(), startRedis());
            try (Database db = new Database(shared.database)) {
                new Migrations(db.dataSource()).migrate();
            }
        }
        return shared;
    }

    public DatabaseConfig database() {
        return database;
    }

    public RedisConfig redis() {
        return redis;
    }

    public ApiConfig api(ModelConfig model) {
        return new ApiConfig(0, database, redis, Duration.ofMinutes(5), model);
    }

    /** A new, empty database on the shared server, for tests that need a schema of their own. */
    public DatabaseConfig emptyDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        String url = database.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return new DatabaseConfig(url, database.user(), database.password(), 0, 2, Duration.ofSeconds(2));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DatabaseConfig startDatabase() {
        Optional<String> url = env("AICC_TEST_DB_URL");
        if (url.isPresent()) {
            return new DatabaseConfig(url.get(), env("AICC_TEST_DB_USER").orElse(""),
                    env("AICC_TEST_DB_PASSWORD").orElse(""), 0, 10, Duration.ofSeconds(2));
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new DatabaseConfig(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", 0, 10,
                    Duration.ofSeconds(2));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static RedisConfig startRedis() {
        Optional<String> url = env("AICC_TEST_REDIS_URL");
        if (url.isPresent()) {
            RedisConfig base = RedisConfig.of(url.get());
            return new RedisConfig(base.host(), base.port(), base.database(), env("AICC_TEST_REDIS_PASSWORD"),
                    base.poolMaxTotal(), base.poolMaxIdle(), base.timeout());
        }
        int port = freePort();
        try {
            RedisServer redis = LocalRedis.server(port);
            redis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    redis.stop();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Redis", e);
        }
        return RedisConfig.of("redis://127.0.0.1:" + port);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
