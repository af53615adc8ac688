package io.aicodecraft.api.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.DatabaseConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The requests of the conversation tests, each checked for its success status, and what they do behind the API. */
final class ConversationRequests {
    private final ApiClient api;

    ConversationRequests(ApiClient api) {
        this.api = api;
    }

    ApiClient api() {
        return api;
    }

    /** A new conversation of {@code owner}'s; its id. */
    String create(UUID owner, String body) {
        Reply reply = api.post("/v1/conversations", owner, body);
        assertThat(reply.status()).as("create: %s", reply.body()).isEqualTo(201);
        return reply.body().path("id").asText();
    }

    String create(UUID owner) {
        return create(owner, "{\"title\":\"a chat\",\"language\":\"java\"}");
    }

    /** Says {@code content} (after {@code parentId}, or the latest reply when null); the turn. */
    JsonNode say(UUID owner, String id, String content, String parentId) {
        String body = parentId == null ? "{\"content\":" + quoted(content) + "}"
                : "{\"content\":" + quoted(content) + ",\"parentId\":\"" + parentId + "\"}";
        Reply reply = api.post("/v1/conversations/" + id + "/messages", owner, body);
        assertThat(reply.status()).as("say: %s", reply.body()).isEqualTo(201);
        return reply.body();
    }

    JsonNode say(UUID owner, String id, String content) {
        return say(owner, id, content, null);
    }

    JsonNode read(UUID owner, String id) {
        Reply reply = api.get("/v1/conversations/" + id, owner);
        assertThat(reply.status()).as("read: %s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    static String quoted(String text) {
        return ApiClient.json().getNodeFactory().textNode(text).toString();
    }

    /** Runs one statement on the shared PostgreSQL as the owner, as if another writer bypassed the API. */
    static int behindTheApi(String sql, String id) {
        DatabaseConfig db = TestServers.shared().database();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(id));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
