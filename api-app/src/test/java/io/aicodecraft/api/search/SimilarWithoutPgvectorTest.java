package io.aicodecraft.api.search;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.SharedApi;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.http.ProblemMapping;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.Migrations;
import io.aicodecraft.api.store.VectorSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared embedded PostgreSQL has no pgvector: V8 is applied all the same (the schema is whole, only the
 * embedding columns are missing), the two search routes answer 501, and everything else works.
 */
class SimilarWithoutPgvectorTest {
    private final ApiClient api = SharedApi.client();
    private final UUID user = UUID.randomUUID();

    @ParameterizedTest
    @ValueSource(strings = {"/v1/templates/similar", "/v1/generations/similar"})
    void searchAnswers501WithAProblemThatSaysWhy(String route) {
        Reply reply = api.get(route + "?text=reverse%20a%20string", user);

        assertThat(reply.status()).isEqualTo(501);
        assertThat(reply.contentType()).isEqualTo(ProblemMapping.MEDIA_TYPE);
        assertThat(reply.body().path("type").asText()).isEqualTo("https://aicodecraft.io/problems/search-unavailable");
        assertThat(reply.body().path("detail").asText()).contains("pgvector");
        assertThat(reply.body().path("instance").asText()).isEqualTo(route);
    }

    @Test
    void theSchemaIsAtV8WithoutTheEmbeddingColumns() throws Exception {
        try (Database db = new Database(TestServers.shared().database());
             Connection connection = db.dataSource().getConnection()) {
            assertThat(new Migrations(db.dataSource()).currentVersion()).contains("8");
            assertThat(VectorSchema.version(connection)).isEmpty();
        }
    }

    @Test
    void templatesAndGenerationsWorkAsBefore() {
        Reply template = api.post("/v1/templates", user, ApiClient.json().createObjectNode().put("name", "Plain")
                .put("category", "plain").put("language", "java").put("body", "Write a class named {{name}}."));
        Reply generation = api.post("/v1/generations", user,
                ApiClient.json().createObjectNode().put("prompt", "reverse a string").put("language", "java"));

        assertThat(template.status()).as("%s", template.body()).isEqualTo(201);
        assertThat(generation.status()).as("%s", generation.body()).isEqualTo(200);
        assertThat(api.get("/v1/templates/" + template.body().path("id").asText(), user).status()).isEqualTo(200);
    }
}
