package io.aicodecraft.api.store;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.ApiConfig;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.config.ModelConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A PostgreSQL of its own, stopped and started again (same port, same data) under a running API. */
class PostgresOutageTest {
    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres postgres;
    private static ApiServer server;
    private static ApiClient api;
    private final UUID user = UUID.randomUUID();

    @BeforeAll
    static void start() throws IOException {
        dataDirectory = Files.createTempDirectory("aicc-pg-outage");
        port = TestServers.freePort();
        postgres = startPostgres();
        // the production default pool timeout (5 s), so that waiting for it is told apart from a prompt answer
        DatabaseConfig db = DatabaseConfig.of(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        try (Database migrating = new Database(db)) {
            new Migrations(migrating.dataSource()).migrate();
        }
        ApiConfig shared = TestServers.shared().api(ModelConfig.template());
        server = ApiServer.start(new ApiConfig(0, db, shared.redis(), Duration.ofMinutes(5), shared.model()), "127.0.0.1");
        api = new ApiClient(URI.create("http://127.0.0.1:" + server.port()));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        postgres.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .start();
    }

    private static void whilePostgresIsDown(Runnable check) throws IOException {
        postgres.close();
        try {
            check.run();
        } finally {
            postgres = startPostgres();
            // the next test starts with the API knowing that PostgreSQL is back
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/health/ready").status() == 200);
        }
    }

    private Reply generate(String prompt) {
        return api.post("/v1/generations", user, "{\"prompt\":\"" + prompt + "\",\"language\":\"go\"}");
    }

    @Test
    void newGenerationIs503ProblemWhilePostgresIsDown() throws IOException {
        whilePostgresIsDown(() -> {
            Reply reply = generate("no database " + UUID.randomUUID());

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.body().path("type").asText()).endsWith("/database-unavailable");
        });
    }

    @Test
    void templateWriteIs503ProblemWhenPostgresStopsRightAfterAnotherWrite() throws IOException {
        assertThat(api.post("/v1/templates", user, template()).status()).isEqualTo(201);

        whilePostgresIsDown(() -> {
            Reply reply = api.post("/v1/templates", user, template());

            assertThat(reply.status()).as("a broken pooled connection in a transaction: %s", reply.body()).isEqualTo(503);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
        });
    }

    private static String template() {
        return "{\"name\":\"outage " + UUID.randomUUID() + "\",\"description\":\"d\",\"category\":\"c\","
                + "\"language\":\"java\",\"body\":\"class A {}\"}";
    }

    @Test
    void historyIs503ProblemWhilePostgresIsDown() throws IOException {
        whilePostgresIsDown(() -> {
            Reply reply = api.get("/v1/generations", user);

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
        });
    }

    @Test
    void readinessIs503WhilePostgresIsDown() throws IOException {
        whilePostgresIsDown(() -> {
            Reply ready = api.get("/health/ready");

            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body().path("status").asText()).isEqualTo("down");
            assertThat(ready.body().path("checks").path("postgres").path("status").asText()).isEqualTo("down");
        });
    }

    @Test
    void onceKnownToBeDownEveryRequestIsAnsweredWithinAKubeletProbeTimeout() throws IOException {
        ApiClient kubelet = new ApiClient(api.baseUri(), Duration.ofSeconds(1));
        whilePostgresIsDown(() -> {
            assertThat(generate("finds the outage " + UUID.randomUUID()).status())
                    .as("the first request waits for the pool's timeout").isEqualTo(503);

            for (int i = 0; i < 5; i++) {
                assertThat(kubelet.post("/v1/generations", user,
                        "{\"prompt\":\"known down " + i + "\",\"language\":\"go\"}").status()).isEqualTo(503);
                assertThat(kubelet.get("/v1/generations", user).status()).isEqualTo(503);
            }
            Reply ready = kubelet.get("/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body().path("checks").path("postgres").path("error").asText()).contains("unreachable since");
        });
    }

    @Test
    void livenessStaysUpWhilePostgresIsDown() throws IOException {
        whilePostgresIsDown(() -> assertThat(api.get("/health/live").status()).isEqualTo(200));
    }

    @Test
    void requestsSucceedAgainByThemselvesWhenPostgresReturns() throws IOException {
        whilePostgresIsDown(() -> assertThat(generate("down " + UUID.randomUUID()).status()).isEqualTo(503));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(generate("back " + UUID.randomUUID()).status()).isEqualTo(200);
            assertThat(api.get("/v1/generations", user).status()).isEqualTo(200);
        });
        assertThat(api.get("/health/ready").status()).isEqualTo(200);
    }
}
