package io.aicodecraft.api.store;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.backup.Postgres15;
import io.aicodecraft.api.config.ApiConfig;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.config.ModelConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The roles the API logs in as, on a PostgreSQL that checks passwords as the managed one does: they use the
 * migrated schema and nothing more, a new password replaces the old one, and the password never reaches the server
 * in clear (every statement is logged here).
 */
class LoginRolesTest {

    private static Postgres15 postgres;
    private static DatabaseConfig owner;
    private static Database ownerPool;

    @BeforeAll
    static void migratedDatabase() throws Exception {
        postgres = Postgres15.startCheckingPasswords(List.of("-c log_statement=all"));
        owner = postgres.createDatabase("tenant");
        ownerPool = new Database(owner);
        new Migrations(ownerPool.dataSource()).migrate();
    }

    @AfterAll
    static void stop() {
        ownerPool.close();
        postgres.close();
    }

    @Test
    void aLoginRoleReadsAndWritesTheSchemaButCannotChangeItOrBecomeTheOwner() throws SQLException {
        new LoginRoles(ownerPool.dataSource()).grant("app_rw", "first-password");

        try (Connection app = login("app_rw", "first-password"); Statement sql = app.createStatement()) {
            sql.execute("INSERT INTO code_generations (user_id, prompt, language, model, code)"
                    + " VALUES (gen_random_uuid(), 'p', 'java', 'template', 'class A {}')");
            assertThat(sql.executeUpdate("DELETE FROM code_generations")).isOne();
            assertThatThrownBy(() -> sql.execute("CREATE TABLE mine (id int)")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.execute("DROP TABLE code_generations")).hasMessageContaining("must be owner");
            assertThatThrownBy(() -> sql.execute("SET ROLE postgres")).hasMessageContaining("permission denied");
        }
    }

    @Test
    void tablesALaterMigrationAddsAreTheLoginRolesToo() throws SQLException {
        new LoginRoles(ownerPool.dataSource()).grant("app_later", "later-password");
        try (Connection c = ownerPool.dataSource().getConnection(); Statement sql = c.createStatement()) {
            sql.execute("CREATE TABLE added_later (id serial PRIMARY KEY, note text)");
        }

        try (Connection app = login("app_later", "later-password"); Statement sql = app.createStatement()) {
            assertThat(sql.executeUpdate("INSERT INTO added_later (note) VALUES ('uses the sequence too')")).isOne();
        }
    }

    @Test
    void aNewPasswordReplacesTheOldOneAndLeavesTheOtherRoleAlone() throws Exception {
        var roles = new LoginRoles(ownerPool.dataSource());
        roles.grant("app_blue", "blue-1");
        roles.grant("app_green", "green-1");

        roles.grant("app_blue", "blue-2");

        assertThatThrownBy(() -> login("app_blue", "blue-1")).hasMessageContaining("password authentication failed");
        login("app_blue", "blue-2").close();
        login("app_green", "green-1").close();
        assertThat(postgres.log()).contains("ALTER USER").doesNotContain("blue-1", "blue-2", "green-1");
    }

    @Test
    void theApiServesAsALoginRole() throws SQLException {
        new LoginRoles(ownerPool.dataSource()).grant("app_serve", "serve-password");
        var database = new DatabaseConfig(owner.url(), "app_serve", "serve-password", 0, 2, Duration.ofSeconds(5));
        var config = new ApiConfig(0, database, TestServers.shared().redis(), Duration.ofMinutes(1), ModelConfig.template());

        try (ApiServer server = ApiServer.start(config, "127.0.0.1")) {
            var api = new ApiClient(URI.create("http://127.0.0.1:" + server.port()));
            UUID user = UUID.randomUUID();
            assertThat(api.post("/v1/generations", user, "{\"prompt\":\"reverse a string\",\"language\":\"java\"}")
                    .status()).isEqualTo(200);
            assertThat(api.get("/v1/generations", user).body().path("items")).hasSize(1);
        }
    }

    @Test
    void theApiKeepsConversationsAsALoginRole() throws SQLException {
        new LoginRoles(ownerPool.dataSource()).grant("app_chat", "chat-password");
        var database = new DatabaseConfig(owner.url(), "app_chat", "chat-password", 0, 2, Duration.ofSeconds(5));
        var config = new ApiConfig(0, database, TestServers.shared().redis(), Duration.ofMinutes(1), ModelConfig.template());

        try (ApiServer server = ApiServer.start(config, "127.0.0.1")) {
            var api = new ApiClient(URI.create("http://127.0.0.1:" + server.port()));
            UUID user = UUID.randomUUID();
            var created = api.post("/v1/conversations", user, "{\"title\":\"t\",\"language\":\"java\",\"tags\":[\"a\"]}");
            assertThat(created.status()).isEqualTo(201);
            String path = "/v1/conversations/" + created.body().path("id").asText();
            assertThat(api.post(path + "/messages", user, "{\"content\":\"reverse a string\"}").status()).isEqualTo(201);
            assertThat(api.send("PATCH", path, user, "{\"pinned\":true}").status()).isEqualTo(200);
            assertThat(api.send("DELETE", path, user, null).status()).isEqualTo(200);
            assertThat(api.post(path + "/restore", user, "").status()).isEqualTo(200);
            assertThat(api.get(path, user).body().path("messages")).hasSize(2);
        }
        try (Connection app = login("app_chat", "chat-password"); Statement sql = app.createStatement()) {
            assertThat(sql.executeUpdate("DELETE FROM conversations")).as("the purge deletes as the login role").isOne();
        }
    }

    @Test
    void aRoleNameThatIsNotAPlainIdentifierIsRefusedBeforeAnyStatement() {
        assertThatThrownBy(() -> new LoginRoles(ownerPool.dataSource()).grant("app\"; DROP TABLE code_generations; --", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a lower-case PostgreSQL identifier");
    }

    private static Connection login(String role, String password) throws SQLException {
        return DriverManager.getConnection(owner.url(), role, password);
    }
}
