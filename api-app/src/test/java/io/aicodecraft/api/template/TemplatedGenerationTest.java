package io.aicodecraft.api.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.SharedApi;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.ModelConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static io.aicodecraft.api.template.TemplateRequests.create;
import static io.aicodecraft.api.template.TemplateRequests.template;
import static io.aicodecraft.api.template.TemplateRequests.word;
import static org.assertj.core.api.Assertions.assertThat;

/** Generations that name a template: the rendered template is the prompt, and each one counts in its statistics. */
class TemplatedGenerationTest {
    private final ApiClient api = SharedApi.client();
    private final UUID user = UUID.randomUUID();
    private final String topic = word();

    private String templateId() {
        return create(api, user, template("Sorter", "testing", "sort {{what}} by {{key}} " + topic))
                .path("id").asText();
    }

    private static String generation(String templateId, String what) {
        return "{\"templateId\":\"" + templateId + "\",\"variables\":{\"what\":\"" + what + "\",\"key\":\"name\"}}";
    }

    @Test
    void theRenderedTemplateIsThePromptInTheTemplatesLanguage() {
        Reply reply = api.post("/v1/generations", user, generation(templateId(), "users"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("prompt").asText()).isEqualTo("sort users by name " + topic);
        assertThat(reply.body().path("language").asText()).isEqualTo("java");
        assertThat(reply.body().path("code").asText()).contains("class");
        assertThat(reply.body().path("cached").asBoolean(true)).isFalse();
    }

    @Test
    void aLanguageInTheRequestOverridesTheTemplates() {
        Reply reply = api.post("/v1/generations", user, "{\"templateId\":\"" + templateId()
                + "\",\"language\":\"python\",\"variables\":{\"what\":\"files\",\"key\":\"size\"}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("language").asText()).isEqualTo("python");
        assertThat(reply.body().path("code").asText()).contains("def ");
    }

    @Test
    void theSameTemplateAndVariablesAreAnsweredFromTheCache() {
        String id = templateId();

        api.post("/v1/generations", user, generation(id, "rows"));
        Reply second = api.post("/v1/generations", user, generation(id, "rows"));

        assertThat(second.body().path("cached").asBoolean(false)).isTrue();
    }

    @Test
    void everyGenerationFromATemplateIsAUseInItsStats() {
        String id = templateId();

        api.post("/v1/generations", user, generation(id, "a"));
        api.post("/v1/generations", user, generation(id, "b"));
        api.post("/v1/generations", user, generation(id, "a"));
        JsonNode stats = api.get("/v1/templates/" + id + "/stats", user).body();

        assertThat(stats.path("uses").asLong()).isEqualTo(3);
        assertThat(stats.path("successes").asLong()).isEqualTo(3);
        assertThat(stats.path("successRate").asDouble()).isEqualTo(1.0);
        assertThat(stats.path("meanLatencyMs").isNumber()).isTrue();
        assertThat(stats.path("meanLatencyMs").asDouble()).isPositive();
    }

    @Test
    void requestsRefusedBeforeTheModelIsAskedAreNotUses() {
        String id = templateId();

        api.post("/v1/generations", user, "{\"templateId\":\"" + id + "\",\"variables\":{\"what\":\"a\"}}");
        api.post("/v1/generations", user, "{\"templateId\":\"" + id + "\",\"model\":\"gpt-x\","
                + "\"variables\":{\"what\":\"a\",\"key\":\"b\"}}");

        assertThat(api.get("/v1/templates/" + id + "/stats", user).body().path("uses").asLong()).isZero();
    }

    @Test
    void aFailedModelCallIsAFailedUse() throws IOException {
        String id = templateId();
        api.post("/v1/generations", user, generation(id, "ok"));
        HttpServer broken = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        broken.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        broken.start();
        ModelConfig failing = new ModelConfig(ModelConfig.Provider.OPENAI,
                Optional.of(URI.create("http://127.0.0.1:" + broken.getAddress().getPort() + "/v1/")),
                Optional.of("coder"), Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(2));
        try (ApiServer other = ApiServer.start(TestServers.shared().api(failing), "127.0.0.1")) {
            ApiClient viaBrokenModel = new ApiClient(URI.create("http://127.0.0.1:" + other.port()));

            Reply failed = viaBrokenModel.post("/v1/generations", user, generation(id, "fails"));

            assertThat(failed.status()).isEqualTo(502);
        } finally {
            broken.stop(0);
        }

        JsonNode stats = api.get("/v1/templates/" + id + "/stats", user).body();
        assertThat(stats.path("uses").asLong()).isEqualTo(2);
        assertThat(stats.path("successes").asLong()).isEqualTo(1);
        assertThat(stats.path("successRate").asDouble()).isEqualTo(0.5);
    }
}
