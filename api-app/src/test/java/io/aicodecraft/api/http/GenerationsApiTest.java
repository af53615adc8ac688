package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.SharedApi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationsApiTest {
    private final ApiClient api = SharedApi.client();
    private final UUID user = UUID.randomUUID();
    private final String topic = "topic" + UUID.randomUUID().toString().replace("-", "");

    private ObjectNode generation(String prompt, String language) {
        return ApiClient.json().createObjectNode().put("prompt", prompt).put("language", language);
    }

    @Test
    void firstRequestIsGeneratedByTheModelAndStored() {
        Reply reply = api.post("/v1/generations", user, generation("parse a csv line " + topic, "python"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode body = reply.body();
        assertThat(body.path("cached").asBoolean(true)).isFalse();
        assertThat(body.path("language").asText()).isEqualTo("python");
        assertThat(body.path("model").asText()).isEqualTo("template");
        assertThat(body.path("code").asText()).contains("def parse_csv_line_" + topic.toLowerCase());
        assertThat(UUID.fromString(body.path("id").asText())).isNotNull();
        assertThat(body.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        JsonNode history = api.get("/v1/generations", user).body().path("items");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("id").asText()).isEqualTo(body.path("id").asText());
    }

    @Test
    void identicalSecondRequestIsAnsweredFromTheCache() {
        Reply first = api.post("/v1/generations", user, generation("sum a list " + topic, "go"));
        Reply second = api.post("/v1/generations", user, generation("sum a list " + topic, "go"));

        assertThat(first.body().path("cached").asBoolean(true)).isFalse();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("cached").asBoolean(false)).isTrue();
        assertThat(second.body().path("code")).isEqualTo(first.body().path("code"));
        assertThat(second.body().path("id")).as("a request of its own").isNotEqualTo(first.body().path("id"));
        assertThat(ids(api.get("/v1/generations", user)))
                .containsExactly(second.body().path("id").asText(), first.body().path("id").asText());
    }

    @Test
    void cacheHitOfAnotherCallerIsACallersOwnGenerationInItsOwnHistory() {
        UUID other = UUID.randomUUID();
        Reply first = api.post("/v1/generations", user, generation("reverse a string " + topic, "java"));

        Reply hit = api.post("/v1/generations", other, generation("reverse a string " + topic, "java"));

        assertThat(hit.status()).isEqualTo(200);
        assertThat(hit.body().path("cached").asBoolean(false)).isTrue();
        assertThat(hit.body().path("code")).isEqualTo(first.body().path("code"));
        assertThat(hit.body().path("id")).isNotEqualTo(first.body().path("id"));
        assertThat(hit.body().path("createdAt").asText()).isGreaterThanOrEqualTo(first.body().path("createdAt").asText());
        assertThat(ids(api.get("/v1/generations", other))).containsExactly(hit.body().path("id").asText());
        assertThat(ids(api.get("/v1/generations", user))).containsExactly(first.body().path("id").asText());
    }

    @Test
    void cachedConversionOfAnotherCallerIsInItsOwnHistory() {
        UUID other = UUID.randomUUID();
        ObjectNode request = ApiClient.json().createObjectNode().put("sourceCode", "def twice_" + topic + "(x): return 2 * x")
                .put("fromLanguage", "python").put("toLanguage", "go");
        Reply first = api.post("/v1/conversions", user, request);

        Reply hit = api.post("/v1/conversions", other, request);

        assertThat(hit.body().path("cached").asBoolean(false)).isTrue();
        assertThat(ids(api.get("/v1/conversions", other))).containsExactly(hit.body().path("id").asText());
        assertThat(ids(api.get("/v1/conversions", user))).containsExactly(first.body().path("id").asText());
    }

    private static List<String> ids(Reply history) {
        List<String> ids = new ArrayList<>();
        history.body().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void promptsDifferingOnlyInWhitespaceShareACacheEntry() {
        api.post("/v1/generations", user, generation("merge two  maps " + topic, "java"));

        Reply spaced = api.post("/v1/generations", user, generation("  merge two maps\n" + topic + " ", "java"));

        assertThat(spaced.body().path("cached").asBoolean(false)).isTrue();
    }

    @Test
    void samePromptInAnotherLanguageIsACacheMiss() {
        api.post("/v1/generations", user, generation("count words " + topic, "java"));

        Reply typescript = api.post("/v1/generations", user, generation("count words " + topic, "typescript"));

        assertThat(typescript.body().path("cached").asBoolean(true)).isFalse();
        assertThat(typescript.body().path("code").asText()).contains("export function countWords");
    }

    @Test
    void historyIsNewestFirstAndPagesWithACursor() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(api.post("/v1/generations", user, generation("step " + i + " " + topic, "sql"))
                    .body().path("id").asText());
        }

        List<String> seen = new ArrayList<>();
        String path = "/v1/generations?limit=2";
        int pages = 0;
        while (path != null) {
            JsonNode page = api.get(path, user).body();
            page.path("items").forEach(item -> seen.add(item.path("id").asText()));
            pages++;
            path = page.path("nextCursor").isNull() ? null : "/v1/generations?limit=2&cursor=" + page.path("nextCursor").asText();
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created.reversed());
    }

    @Test
    void historyShowsOnlyTheCallersOwnGenerations() {
        api.post("/v1/generations", user, generation("mine " + topic, "java"));
        UUID other = UUID.randomUUID();

        assertThat(api.get("/v1/generations", other).body().path("items")).isEmpty();
    }

    @Test
    void conversionIsGeneratedThenCachedAndListed() {
        ObjectNode request = ApiClient.json().createObjectNode()
                .put("sourceCode", "def shout_" + topic + "(s):\n    return s.upper()\n")
                .put("fromLanguage", "python").put("toLanguage", "java");

        Reply first = api.post("/v1/conversions", user, request);
        Reply second = api.post("/v1/conversions", user, request);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("cached").asBoolean(true)).isFalse();
        assertThat(first.body().path("fromLanguage").asText()).isEqualTo("python");
        assertThat(first.body().path("toLanguage").asText()).isEqualTo("java");
        assertThat(first.body().path("code").asText()).contains("public static String shout" + capitalised(topic));
        assertThat(second.body().path("cached").asBoolean(false)).isTrue();
        assertThat(api.get("/v1/conversions", user).body().path("items")).hasSize(2);
    }

    @Test
    void conversionsDifferingOnlyInLineEndingsAndTrailingBlanksShareACacheEntry() {
        String function = "def tidy_" + topic + "(s):";
        api.post("/v1/conversions", user, ApiClient.json().createObjectNode()
                .put("sourceCode", function + "\n    return s\n").put("fromLanguage", "python").put("toLanguage", "go"));

        Reply again = api.post("/v1/conversions", user, ApiClient.json().createObjectNode()
                .put("sourceCode", "\r\n" + function + "   \r\n    return s  \r\n\r\n")
                .put("fromLanguage", "python").put("toLanguage", "go"));

        assertThat(again.body().path("cached").asBoolean(false)).isTrue();
    }

    @Test
    void conversionWithDifferentIndentationIsACacheMiss() {
        String function = "def indent_" + topic + "(s):";
        api.post("/v1/conversions", user, ApiClient.json().createObjectNode()
                .put("sourceCode", function + "\n    return s\n").put("fromLanguage", "python").put("toLanguage", "go"));

        Reply other = api.post("/v1/conversions", user, ApiClient.json().createObjectNode()
                .put("sourceCode", function + "\n        return s\n").put("fromLanguage", "python").put("toLanguage", "go"));

        assertThat(other.body().path("cached").asBoolean(true)).isFalse();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
