package io.aicodecraft.api.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Template documents for tests, and words no other test uses, so tests share one database without seeing each other. */
final class TemplateRequests {
    private TemplateRequests() {
    }

    /** A made-up lower-case word: full-text search treats it as itself (no stemming, no stop word). */
    static String word() {
        StringBuilder word = new StringBuilder("qz");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    static ObjectNode template(String name, String category, String body) {
        return ApiClient.json().createObjectNode()
                .put("name", name)
                .put("description", "a template for tests")
                .put("category", category)
                .put("language", "java")
                .put("body", body);
    }

    /** Creates {@code template} as {@code owner} and returns the created version. */
    static JsonNode create(ApiClient api, UUID owner, ObjectNode template) {
        Reply reply = api.post("/v1/templates", owner, template);
        assertThat(reply.status()).as("create %s: %s", template, reply.body()).isEqualTo(201);
        return reply.body();
    }
}
