package io.aicodecraft.api.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.ApiClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Submits chains through the API and waits for them, for the chain tests. */
final class ChainClient {
    private final ApiClient api;

    ChainClient(ApiClient api) {
        this.api = api;
    }

    static ObjectNode task(String id, String prompt, String... dependsOn) {
        ObjectNode task = ApiClient.json().createObjectNode().put("id", id).put("prompt", prompt)
                .put("language", "java");
        ArrayNode deps = task.putArray("dependsOn");
        for (String dependency : dependsOn) {
            deps.add(dependency);
        }
        return task;
    }

    static ObjectNode chain(ObjectNode... tasks) {
        ObjectNode body = ApiClient.json().createObjectNode();
        body.putArray("tasks").addAll(java.util.List.of(tasks));
        return body;
    }

    /** a, then b and c (each on a), then d (on b and c); prompts carry {@code topic} so that no cache answers. */
    static ObjectNode diamond(String topic) {
        return chain(task("a", "parse order " + topic), task("b", "validate order " + topic, "a"),
                task("c", "price order " + topic, "a"), task("d", "ship order " + topic, "b", "c"));
    }

    UUID submit(UUID user, JsonNode chain) {
        ApiClient.Reply reply = api.post("/v1/chains", user, chain);
        assertThat(reply.status()).as("submission answered %s", reply.body()).isEqualTo(202);
        return UUID.fromString(reply.body().path("id").asText());
    }

    ApiClient.Reply get(UUID user, UUID chain) {
        return api.get("/v1/chains/" + chain, user);
    }

    /** The chain once it is no longer running. */
    JsonNode awaitFinished(UUID user, UUID chain) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            ApiClient.Reply reply = get(user, chain);
            assertThat(reply.status()).isEqualTo(200);
            last.set(reply.body());
            assertThat(reply.body().path("status").asText()).isNotEqualTo("running");
        });
        return last.get();
    }

    static Map<String, JsonNode> tasksById(JsonNode chain) {
        Map<String, JsonNode> tasks = new HashMap<>();
        chain.path("tasks").forEach(task -> tasks.put(task.path("id").asText(), task));
        return tasks;
    }
}
