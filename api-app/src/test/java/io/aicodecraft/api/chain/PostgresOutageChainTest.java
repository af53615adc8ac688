package io.aicodecraft.api.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.ApiConfig;
import io.aicodecraft.api.config.ChainConfig;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.config.ModelConfig;
import io.aicodecraft.api.config.RedisConfig;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static io.aicodecraft.api.chain.ChainClient.chain;
import static io.aicodecraft.api.chain.ChainClient.task;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chain that finishes while PostgreSQL is down is kept there once it is back. Its one task is answered from the
 * cache (so it needs no PostgreSQL), and it waits for the instance's only worker, which is held in a model call
 * until PostgreSQL has been stopped. A PostgreSQL of its own (same port and data on restart), Redis database 15.
 */
class PostgresOutageChainTest {
    private static final ChainTestServers REDIS = new ChainTestServers(15);
    private static final CountDownLatch HELD = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(1);
    /** What {@link Chains} says when a finished chain could not be kept in PostgreSQL. */
    private static final Queue<String> UNKEPT = new ConcurrentLinkedQueue<>();
    private static final Logger CHAINS_LOG = Logger.getLogger(Chains.class.getName());
    private static final Handler UNKEPT_HANDLER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getMessage().contains("not yet kept in PostgreSQL")) {
                UNKEPT.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres postgres;
    private static HttpServer model;
    private static ApiServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws IOException {
        CHAINS_LOG.addHandler(UNKEPT_HANDLER);
        try (JedisPooled redis = REDIS.redis()) {
            redis.flushDB();
        }
        model = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        model.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        model.createContext("/v1/chat/completions", exchange -> {
            if (new String(exchange.getRequestBody().readAllBytes(), UTF_8).contains("hold the worker")) {
                HELD.countDown();
                awaitRelease();
            }
            byte[] body = "{\"choices\":[{\"message\":{\"content\":\"class Answer {}\"}}]}".getBytes(UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        model.start();
        dataDirectory = Files.createTempDirectory("aicc-chain-pg-outage");
        port = TestServers.freePort();
        postgres = startPostgres();
        DatabaseConfig db = new DatabaseConfig(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", 0, 4,
                DATABASE_TIMEOUT);
        try (Database migrating = new Database(db)) {
            new Migrations(migrating.dataSource()).migrate();
        }
        ModelConfig fake = new ModelConfig(ModelConfig.Provider.OPENAI,
                Optional.of(URI.create("http://127.0.0.1:" + model.getAddress().getPort() + "/v1/")),
                Optional.of("coder"), Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(90));
        RedisConfig redis = REDIS.redisConfig();
        server = ApiServer.start(new ApiConfig(0, db, redis, Duration.ofMinutes(5), fake)
                .withChains(ChainConfig.defaults().withWorkers(1)), "127.0.0.1");
        api = ChainTestServers.client(server);
    }

    @AfterAll
    static void stop() throws IOException {
        CHAINS_LOG.removeHandler(UNKEPT_HANDLER);
        RELEASE.countDown();
        server.close();
        model.stop(0);
        postgres.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .start();
    }

    private static void awaitRelease() {
        try {
            RELEASE.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts PostgreSQL again and reads what it holds for {@code chain} before the API can write anything. */
    private static String storedStatusOnRestart(UUID chain) throws Exception {
        postgres = startPostgres();
        return storedStatus(chain);
    }

    private static String storedStatus(UUID chain) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
             PreparedStatement select = c.prepareStatement("SELECT status FROM task_chains WHERE id = ?")) {
            select.setObject(1, chain);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : "absent";
            }
        }
    }

    @Test
    void chainThatFinishedWhilePostgresWasDownIsKeptOnceItIsBack() throws Exception {
        UUID user = UUID.randomUUID();
        ChainClient chains = new ChainClient(api);
        String prompt = "answer from the cache " + UUID.randomUUID();
        assertThat(api.post("/v1/generations", user, "{\"prompt\":\"" + prompt + "\",\"language\":\"java\"}").status())
                .as("the cache is warm for the chain's task").isEqualTo(200);
        chains.submit(user, chain(task("busy", "hold the worker")));
        assertThat(HELD.await(30, TimeUnit.SECONDS)).as("the only worker is busy").isTrue();
        UUID id = chains.submit(user, chain(task("cached", prompt)));

        postgres.close();
        RELEASE.countDown();
        JsonNode finished = chains.awaitFinished(user, id);
        assertThat(finished.path("status").asText()).as("answered from Redis").isEqualTo("succeeded");
        await("the worker's write to PostgreSQL failed while it was down").atMost(Duration.ofSeconds(30))
                .until(() -> UNKEPT.stream().anyMatch(message -> message.contains(id.toString())));
        assertThat(storedStatusOnRestart(id)).as("PostgreSQL holds the chain as it was submitted").isEqualTo("running");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(chains.get(user, id).status()).isEqualTo(200);
            assertThat(storedStatus(id)).isEqualTo("succeeded");
        });
        try (JedisPooled redis = REDIS.redis()) {
            redis.flushDB();
        }
        ApiClient.Reply fromPostgres = chains.get(user, id);
        assertThat(fromPostgres.status()).isEqualTo(200);
        assertThat(fromPostgres.body()).isEqualTo(finished);
    }
}
