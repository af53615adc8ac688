package io.aicodecraft.api.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.OwnRedis;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.DatabaseConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static io.aicodecraft.api.template.TemplateRequests.create;
import static io.aicodecraft.api.template.TemplateRequests.template;
import static io.aicodecraft.api.template.TemplateRequests.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Template reads come from Redis until a write invalidates them. To see where a read came from, the test changes
 * a row behind the API's back: a cached read still shows the old text, a read from PostgreSQL the new one. A Redis
 * of its own is stopped to show that reads then come from PostgreSQL.
 */
class TemplateCacheTest {
    private static OwnRedis redis;
    private static ApiServer server;
    private static ApiClient api;
    private final UUID owner = UUID.randomUUID();

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

    /** Runs {@code check} with Redis stopped, then waits until the API uses Redis again. */
    private static void whileRedisIsDown(Runnable check) throws IOException {
        redis.whileDown(check);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/health/ready").body().path("status").asText()).isEqualTo("up"));
    }

    /** Renames the template in PostgreSQL only, as if another writer had bypassed the API. */
    private static void renameBehindTheApi(String id, String name) {
        DatabaseConfig db = TestServers.shared().database();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement update = c.prepareStatement(
                     "UPDATE template_versions SET name = ? WHERE template_id = ?::uuid")) {
            update.setString(1, name);
            update.setString(2, id);
            assertThat(update.executeUpdate()).isPositive();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String name(String id, String query) {
        Reply reply = api.get("/v1/templates/" + id + query, owner);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body().path("name").asText();
    }

    private String created() {
        return create(api, owner, template("original", "cache", "body {{x}}")).path("id").asText();
    }

    @Test
    void aSecondReadIsAnsweredFromTheCache() {
        String id = created();
        name(id, "");

        renameBehindTheApi(id, "changed behind the api");

        assertThat(name(id, "")).isEqualTo("original");
    }

    @Test
    void aNewVersionInvalidatesTheCachedLatest() {
        String id = created();
        name(id, "");

        Reply added = api.post("/v1/templates/" + id + "/versions", owner, "{\"body\":\"v2\",\"name\":\"second\"}");

        assertThat(added.status()).isEqualTo(201);
        JsonNode latest = api.get("/v1/templates/" + id, owner).body();
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("name").asText()).isEqualTo("second");
    }

    @Test
    void aNumberedVersionIsCachedApartFromTheLatest() {
        String id = created();
        name(id, "?version=1");
        api.post("/v1/templates/" + id + "/versions", owner, "{\"body\":\"v2\"}");

        renameBehindTheApi(id, "renamed");

        assertThat(name(id, "?version=1")).as("version 1 from the cache").isEqualTo("original");
        assertThat(name(id, "")).as("the latest was invalidated, read anew").isEqualTo("renamed");
    }

    @Test
    void withRedisDownTemplatesAreReadWrittenAndSearchedInPostgres() throws IOException {
        String topic = word();
        String id = created();
        whileRedisIsDown(() -> {
            renameBehindTheApi(id, "read from postgres");

            assertThat(name(id, "")).isEqualTo("read from postgres");
            Reply createdWhileDown = api.post("/v1/templates", owner, template("while down " + topic, "cache", "b"));
            assertThat(createdWhileDown.status()).isEqualTo(201);
            assertThat(api.post("/v1/templates/" + id + "/versions", owner, "{\"body\":\"v2 {{y}}\"}").status())
                    .isEqualTo(201);
            assertThat(api.get("/v1/templates?q=" + topic, owner).body().path("items")).hasSize(1);
            assertThat(api.post("/v1/templates/" + id + "/render", owner, "{\"variables\":{\"y\":\"1\"}}")
                    .body().path("text").asText()).isEqualTo("v2 1");
        });
    }

    @Test
    void cachingResumesWhenRedisReturns() throws IOException {
        String id = created();
        whileRedisIsDown(() -> name(id, ""));

        name(id, "");
        renameBehindTheApi(id, "renamed after the outage");

        assertThat(name(id, "")).as("served from the cache again").isEqualTo("original");
    }
}
