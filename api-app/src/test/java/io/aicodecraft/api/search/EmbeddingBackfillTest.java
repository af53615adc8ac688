package io.aicodecraft.api.search;

import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.PgvectorServer;
import io.aicodecraft.api.ai.MiniLmEmbeddings;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.LoginRoles;
import io.aicodecraft.api.store.Migrations;
import io.aicodecraft.api.store.VectorSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backfill and the pgvector schema on PostgreSQL with pgvector: rows written before V8 get embeddings, a
 * pgvector installed after V8 ran is picked up by the next migrate, another model's embeddings are redone, and the
 * API's login role (not the owner) does all of it.
 */
class EmbeddingBackfillTest {
    private static final UUID USER = UUID.randomUUID();

    @Test
    void rowsWrittenBeforeV8AreEmbeddedByTheBackfill() throws SQLException {
        DatabaseConfig database = PgvectorServer.shared().emptyDatabase();
        try (Database db = new Database(database)) {
            Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").target("7").load()
                    .migrate();
            sql(db, "INSERT INTO templates (owner_id, version, name, description, category, language, body, variables)"
                    + " VALUES ('" + USER + "', 1, 'String reversal', 'd', 'strings', 'python',"
                    + " 'Return the characters of {{text}} in reverse order.', '{text}'),"
                    + " ('" + USER + "', 3, 'Sort numbers', 'd', 'collections', 'python',"
                    + " 'Sort a list of integers ascending.', '{}')");
            sql(db, "INSERT INTO code_generations (user_id, prompt, language, model, code) VALUES"
                    + " ('" + USER + "', 'reverse a string', 'python', 'template', 'x[::-1]'),"
                    + " ('" + USER + "', 'sort numbers', 'python', 'template', 'sorted(x)')");
            new Migrations(db.dataSource()).migrate();
            assertThat(count(db, "SELECT count(*) FROM templates WHERE embedding IS NULL")).isEqualTo(2);

            try (SearchApi api = SearchApi.on(database)) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(count(db, "SELECT count(*) FROM templates WHERE embedded_version = version"
                            + " AND embedding_model = '" + MiniLmEmbeddings.NAME + "'")).isEqualTo(2);
                    assertThat(count(db, "SELECT count(*) FROM code_generations WHERE embedding IS NOT NULL"))
                            .isEqualTo(2);
                });
                Reply reply = api.client.get("/v1/generations/similar?text=flip%20a%20string&limit=1", USER);
                assertThat(reply.body().path("items").get(0).path("prompt").asText()).isEqualTo("reverse a string");
            }
        }
    }

    @Test
    void pgvectorInstalledAfterV8RanIsPickedUpByTheNextMigrate() throws SQLException {
        DatabaseConfig database = PgvectorServer.shared().migratedDatabase();
        try (Database db = new Database(database)) {
            // the state V8 leaves on a server without pgvector: applied, and nothing of it there
            sql(db, "ALTER TABLE templates DROP COLUMN embedding, DROP COLUMN embedding_model, DROP COLUMN embedded_version");
            sql(db, "ALTER TABLE code_generations DROP COLUMN embedding, DROP COLUMN embedding_model");
            sql(db, "DROP EXTENSION vector");
            try (SearchApi api = SearchApi.on(database)) {
                assertThat(api.client.get("/v1/templates/similar?text=sort", USER).status()).isEqualTo(501);
            }

            new Migrations(db.dataSource()).migrate();

            try (Connection connection = db.dataSource().getConnection()) {
                assertThat(VectorSchema.version(connection)).get().asString().startsWith("0.8");
            }
            try (SearchApi api = SearchApi.on(database)) {
                assertThat(api.client.get("/v1/templates/similar?text=sort", USER).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void embeddingsOfAnotherModelAreMadeAgainByThisOne() throws SQLException {
        DatabaseConfig database = PgvectorServer.shared().migratedDatabase();
        try (Database db = new Database(database)) {
            try (SearchApi api = SearchApi.on(database)) {
                api.generate(USER, "parse a JSON document");
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        count(db, "SELECT count(*) FROM code_generations WHERE embedding IS NOT NULL") == 1);
            }
            sql(db, "UPDATE code_generations SET embedding_model = 'an-older-model'");

            try (SearchApi api = SearchApi.on(database)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> count(db,
                        "SELECT count(*) FROM code_generations WHERE embedding IS NOT NULL AND embedding_model = '"
                                + MiniLmEmbeddings.NAME + "'") == 1);
            }
        }
    }

    @Test
    void theLoginRoleEmbedsAndSearches() throws SQLException {
        DatabaseConfig owner = PgvectorServer.shared().migratedDatabase();
        String role = "app_" + UUID.randomUUID().toString().substring(0, 8);
        try (Database db = new Database(owner)) {
            new LoginRoles(db.dataSource()).grant(role, "search-password");
            DatabaseConfig login = new DatabaseConfig(owner.url(), role, "search-password", 0, 4, Duration.ofSeconds(5));
            try (SearchApi api = SearchApi.on(login)) {
                api.generate(USER, "read a file line by line");
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        api.client.get("/v1/generations/similar?text=iterate%20over%20lines", USER)
                                .body().path("items")).hasSize(1));
            }
            assertThat(count(db, "SELECT count(*) FROM code_generations WHERE embedding IS NOT NULL")).isEqualTo(1);
        }
    }

    private static void sql(Database db, String statement) {
        db.run(connection -> {
            try (Statement s = connection.createStatement()) {
                s.execute(statement);
            }
            return null;
        });
    }

    private static long count(Database db, String query) {
        return db.run(connection -> {
            try (Statement s = connection.createStatement(); ResultSet row = s.executeQuery(query)) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
