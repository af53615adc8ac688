package io.aicodecraft.api.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.PgvectorServer;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.ApiConfig;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.config.ModelConfig;
import io.aicodecraft.api.config.SearchConfig;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API with the template provider (so the real all-MiniLM-L6-v2 embeds) on a database of its own on the
 * PostgreSQL with pgvector, and the shared Redis; its backfill looks for work every 50 ms, so tests wait little.
 */
final class SearchApi implements AutoCloseable {
    final DatabaseConfig database;
    final ApiServer server;
    final ApiClient client;

    private SearchApi(DatabaseConfig database, ApiServer server) {
        this.database = database;
        this.server = server;
        this.client = new ApiClient(URI.create("http://127.0.0.1:" + server.port()));
    }

    static SearchApi start() {
        return on(PgvectorServer.shared().migratedDatabase());
    }

    static SearchApi on(DatabaseConfig database) {
        ApiConfig config = new ApiConfig(0, database, TestServers.shared().redis(), Duration.ofMinutes(5),
                ModelConfig.template())
                .withSearch(SearchConfig.defaults().withBackfillInterval(Duration.ofMillis(50)));
        return new SearchApi(database, ApiServer.start(config, "127.0.0.1"));
    }

    /** A Python generation of {@code prompt} as {@code user}; its id. */
    String generate(UUID user, String prompt) {
        ApiClient.Reply reply = client.post("/v1/generations", user,
                ApiClient.json().createObjectNode().put("prompt", prompt).put("language", "python"));
        assertThat(reply.status()).as("generate: %s", reply.body()).isEqualTo(200);
        return reply.body().path("id").asText();
    }

    /** {@code route}'s answer to {@code text} (and {@code more} query parameters) as {@code user}, which must be a 200. */
    JsonNode similar(String route, UUID user, String text, String more) {
        ApiClient.Reply reply = client.get(route + "?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + more, user);
        assertThat(reply.status()).as("similar %s: %s", text, reply.body()).isEqualTo(200);
        return reply.body();
    }

    /** The ids of a search's items, in their order. */
    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Override
    public void close() {
        server.close();
    }
}
