package io.aicodecraft.api.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.SharedApi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.aicodecraft.api.template.TemplateRequests.create;
import static io.aicodecraft.api.template.TemplateRequests.template;
import static org.assertj.core.api.Assertions.assertThat;

/** Creating, versioning, reading and rendering templates. */
class TemplatesApiTest {
    private final ApiClient api = SharedApi.client();
    private final UUID owner = UUID.randomUUID();

    private JsonNode greeting() {
        return create(api, owner, template("Greeter", "Testing", "class {{className}} { String greet() { return \"{{greeting}}\"; } }"));
    }

    private Reply addVersion(UUID caller, String id, String body) {
        return api.post("/v1/templates/" + id + "/versions", caller, body);
    }

    @Test
    void createdTemplateIsVersionOneWithItsPlaceholdersAsVariables() {
        Reply reply = api.post("/v1/templates", owner, template("Greeter", "Testing", "hi {{who}}, {{what}}"));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.body();
        assertThat(UUID.fromString(body.path("id").asText())).isNotNull();
        assertThat(body.path("version").asInt()).isEqualTo(1);
        assertThat(body.path("owner").asText()).isEqualTo(owner.toString());
        assertThat(body.path("name").asText()).isEqualTo("Greeter");
        assertThat(body.path("category").asText()).isEqualTo("testing");
        assertThat(body.path("language").asText()).isEqualTo("java");
        assertThat(body.path("variables")).extracting(JsonNode::asText).containsExactly("who", "what");
        assertThat(body.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void anyCallerReadsTheLatestVersion() {
        JsonNode created = greeting();

        Reply read = api.get("/v1/templates/" + created.path("id").asText(), UUID.randomUUID());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created);
    }

    @Test
    void aNewVersionIsNumberedNPlusOneAndBecomesTheLatest() {
        String id = greeting().path("id").asText();

        Reply v2 = addVersion(owner, id, "{\"body\":\"record {{className}}() {}\"}");
        Reply v3 = addVersion(owner, id, "{\"body\":\"interface {{name}} {}\",\"name\":\"Interface\"}");

        assertThat(v2.status()).isEqualTo(201);
        assertThat(v2.body().path("version").asInt()).isEqualTo(2);
        assertThat(v3.body().path("version").asInt()).isEqualTo(3);
        JsonNode latest = api.get("/v1/templates/" + id, owner).body();
        assertThat(latest.path("version").asInt()).isEqualTo(3);
        assertThat(latest.path("name").asText()).isEqualTo("Interface");
        assertThat(latest.path("variables")).extracting(JsonNode::asText).containsExactly("name");
    }

    @Test
    void aNewVersionKeepsTheFieldsItDoesNotChange() {
        String id = greeting().path("id").asText();

        JsonNode v2 = addVersion(owner, id, "{\"body\":\"enum {{className}} {}\",\"language\":\"typescript\"}").body();

        assertThat(v2.path("name").asText()).isEqualTo("Greeter");
        assertThat(v2.path("category").asText()).isEqualTo("testing");
        assertThat(v2.path("description").asText()).isEqualTo("a template for tests");
        assertThat(v2.path("language").asText()).isEqualTo("typescript");
    }

    @Test
    void anEarlierVersionIsReadWithTheVersionParameter() {
        JsonNode v1 = greeting();
        String id = v1.path("id").asText();
        addVersion(owner, id, "{\"body\":\"v2 {{x}}\"}");

        Reply read = api.get("/v1/templates/" + id + "?version=1", owner);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(v1);
    }

    @Test
    void concurrentNewVersionsGetConsecutiveNumbers() throws Exception {
        String id = greeting().path("id").asText();
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                String body = "{\"body\":\"version from writer " + i + "\"}";
                replies.add(pool.submit(() -> addVersion(owner, id, body)));
            }
        }

        List<Integer> versions = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            assertThat(reply.get().status()).isEqualTo(201);
            versions.add(reply.get().body().path("version").asInt());
        }
        assertThat(versions).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(api.get("/v1/templates/" + id, owner).body().path("version").asInt()).isEqualTo(9);
    }

    @Test
    void onlyTheOwnerAddsVersions() {
        String id = greeting().path("id").asText();

        Reply reply = addVersion(UUID.randomUUID(), id, "{\"body\":\"hijacked\"}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.body().path("type").asText()).endsWith("/not-template-owner");
        assertThat(api.get("/v1/templates/" + id, owner).body().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void renderFillsTheLatestVersion() {
        String id = greeting().path("id").asText();

        Reply reply = api.post("/v1/templates/" + id + "/render", UUID.randomUUID(),
                "{\"variables\":{\"className\":\"Hello\",\"greeting\":\"hi there\"}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("text").asText())
                .isEqualTo("class Hello { String greet() { return \"hi there\"; } }");
        assertThat(reply.body().path("version").asInt()).isEqualTo(1);
        assertThat(reply.body().path("templateId").asText()).isEqualTo(id);
    }

    @Test
    void renderOfAnEarlierVersionUsesThatVersionsBody() {
        String id = greeting().path("id").asText();
        addVersion(owner, id, "{\"body\":\"new {{other}}\"}");

        Reply reply = api.post("/v1/templates/" + id + "/render?version=1", owner,
                "{\"variables\":{\"className\":\"Old\",\"greeting\":\"yo\"}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("text").asText()).startsWith("class Old {");
    }

    @Test
    void renderWithMissingVariablesIsA400ListingThem() {
        String id = greeting().path("id").asText();

        Reply reply = api.post("/v1/templates/" + id + "/render", owner, "{\"variables\":{}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.body().path("field").asText()).isEqualTo("variables");
        assertThat(reply.body().path("detail").asText()).contains("missing variables: className, greeting");
    }

    @Test
    void statsOfAnUnusedTemplateAreZeroUsesWithoutRates() {
        String id = greeting().path("id").asText();

        Reply reply = api.get("/v1/templates/" + id + "/stats", owner);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("templateId").asText()).isEqualTo(id);
        assertThat(reply.body().path("uses").asLong()).isZero();
        assertThat(reply.body().path("successRate").isNull()).isTrue();
        assertThat(reply.body().path("meanLatencyMs").isNull()).isTrue();
    }
}
