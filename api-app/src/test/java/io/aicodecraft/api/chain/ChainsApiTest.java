package io.aicodecraft.api.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.SharedApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.aicodecraft.api.chain.ChainClient.chain;
import static io.aicodecraft.api.chain.ChainClient.task;
import static org.assertj.core.api.Assertions.assertThat;

class ChainsApiTest {
    private final ApiClient api = SharedApi.client();
    private final ChainClient chains = new ChainClient(api);
    private final UUID user = UUID.randomUUID();
    private final String topic = "t" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void submissionIsAcceptedWithAChainId() {
        Reply reply = api.post("/v1/chains", user, chain(task("only", "say hello " + topic)));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(UUID.fromString(reply.body().path("id").asText())).isNotNull();
        assertThat(reply.header("Location")).contains("/v1/chains/" + reply.body().path("id").asText());
    }

    @Test
    void chainReadsBackWithItsTasksButNotItsOwner() {
        UUID id = chains.submit(user, chain(task("only", "say hello " + topic)));

        JsonNode chain = chains.get(user, id).body();

        assertThat(chain.path("id").asText()).isEqualTo(id.toString());
        assertThat(chain.path("tasks")).hasSize(1);
        assertThat(chain.path("tasks").get(0).path("prompt").asText()).isEqualTo("say hello " + topic);
        assertThat(chain.has("owner")).isFalse();
    }

    @Test
    void listShowsTheCallersChainsNewestFirstAPageAtATime() throws InterruptedException {
        UUID other = UUID.randomUUID();
        chains.submit(other, chain(task("only", "not yours " + topic)));
        List<UUID> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(chains.submit(user, chain(task("only", "list " + i + " " + topic), task("two", "more " + topic))));
            // creation times are kept to the millisecond: one apart, so that the order is theirs and not the ids'
            Thread.sleep(2);
        }
        chains.awaitFinished(user, submitted.getLast());

        Reply first = api.get("/v1/chains?limit=2", user);
        Reply second = api.get("/v1/chains?limit=2&cursor=" + first.body().path("nextCursor").asText(), user);

        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first)).containsExactly(submitted.get(2), submitted.get(1));
        assertThat(ids(second)).containsExactly(submitted.get(0));
        assertThat(second.body().path("nextCursor").isNull()).isTrue();
        JsonNode newest = first.body().path("items").get(0);
        assertThat(newest.path("status").asText()).isEqualTo("succeeded");
        assertThat(newest.path("tasks").asInt()).isEqualTo(2);
        assertThat(newest.path("finishedAt").asText()).isNotEmpty();
    }

    @Test
    void listWithABadCursorIs400() {
        Reply reply = api.get("/v1/chains?cursor=not-a-cursor", user);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("field").asText()).isEqualTo("cursor");
    }

    private static List<UUID> ids(Reply page) {
        List<UUID> ids = new ArrayList<>();
        page.body().path("items").forEach(item -> ids.add(UUID.fromString(item.path("id").asText())));
        return ids;
    }

    @Test
    void diamondRunsInDependencyOrderWithEachTaskSeeingItsDependenciesOutputs() {
        UUID id = chains.submit(user, ChainClient.diamond(topic));

        JsonNode chain = chains.awaitFinished(user, id);

        assertThat(chain.path("status").asText()).isEqualTo("succeeded");
        assertThat(chain.path("finishedAt").asText()).isNotEmpty();
        Map<String, JsonNode> tasks = ChainClient.tasksById(chain);
        tasks.values().forEach(task -> {
            assertThat(task.path("status").asText()).isEqualTo("succeeded");
            assertThat(task.path("attempts").asInt()).isEqualTo(1);
        });
        String a = output(tasks, "a");
        String b = output(tasks, "b");
        String c = output(tasks, "c");
        String d = output(tasks, "d");
        assertThat(a).contains("ParseOrder").doesNotContain("ValidateOrder");
        assertThat(b).contains("ValidateOrder")
                .contains(a.lines().filter(l -> l.contains("class")).findFirst().orElseThrow());
        assertThat(c).contains("PriceOrder").contains("--- task a ---");
        assertThat(d).contains("ShipOrder").contains("--- task b ---").contains("--- task c ---")
                .contains("ValidateOrder").contains("PriceOrder");
        assertThat(started(tasks, "b")).isAfterOrEqualTo(finished(tasks, "a"));
        assertThat(started(tasks, "c")).isAfterOrEqualTo(finished(tasks, "a"));
        assertThat(started(tasks, "d")).isAfterOrEqualTo(finished(tasks, "b")).isAfterOrEqualTo(finished(tasks, "c"));
    }

    @Test
    void templateTaskRunsTheRenderedTemplateAndCountsAsAUse() {
        ObjectNode template = ApiClient.json().createObjectNode().put("name", "parser " + topic)
                .put("category", "parsing").put("language", "python").put("body", "write a {{format}} parser");
        template.putArray("variables").add("format");
        Reply created = api.post("/v1/templates", user, template);
        assertThat(created.status()).as("template created: %s", created.body()).isEqualTo(201);
        String templateId = created.body().path("id").asText();
        ObjectNode task = ApiClient.json().createObjectNode().put("id", "t").put("templateId", templateId);
        task.putObject("variables").put("format", "csv");

        JsonNode chain = chains.awaitFinished(user, chains.submit(user, chain(task)));

        JsonNode done = chain.path("tasks").get(0);
        assertThat(done.path("status").asText()).isEqualTo("succeeded");
        assertThat(done.path("prompt").asText()).isEqualTo("write a csv parser");
        assertThat(done.path("language").asText()).as("the template's").isEqualTo("python");
        assertThat(done.path("template").path("id").asText()).isEqualTo(templateId);
        assertThat(done.path("output").asText()).contains("def csv_parser");
        JsonNode stats = api.get("/v1/templates/" + templateId + "/stats", user).body();
        assertThat(stats.path("uses").asLong()).isEqualTo(1);
        assertThat(stats.path("successes").asLong()).isEqualTo(1);
    }

    @Test
    void templateTaskWithAMissingVariableIsABadRequestNamingTheTask() {
        ObjectNode template = ApiClient.json().createObjectNode().put("name", "greeter " + topic)
                .put("category", "misc").put("language", "go").put("body", "greet {{name}}");
        String templateId = api.post("/v1/templates", user, template).body().path("id").asText();
        ObjectNode task = ApiClient.json().createObjectNode().put("id", "t").put("templateId", templateId);

        Reply reply = api.post("/v1/chains", user, chain(task));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("field").asText()).isEqualTo("tasks[0].variables");
        assertThat(reply.body().path("detail").asText()).contains("name");
    }

    @Test
    void metricsShowQueueDepthAndTaskDurations() {
        chains.awaitFinished(user, chains.submit(user, ChainClient.diamond(topic)));

        String metrics = api.get("/metrics").body().asText();

        assertThat(metrics).containsPattern("(?m)^aicc_chain_queue_depth(\\{[^}]*})? \\d");
        String count = metrics.lines().filter(l -> l.startsWith("aicc_chain_task_duration_seconds_count"))
                .findFirst().orElseThrow();
        assertThat(Double.parseDouble(count.substring(count.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(4);
    }

    @Test
    void anotherCallersChainIsNotFound() {
        UUID id = chains.submit(user, chain(task("only", "say hello " + topic)));

        Reply reply = chains.get(UUID.randomUUID(), id);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("type").asText()).endsWith("/chain-not-found");
    }

    @Test
    void unknownChainIsNotFound() {
        assertThat(chains.get(user, UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void chainIdThatIsNotAUuidIsABadRequest() {
        Reply reply = api.get("/v1/chains/not-a-uuid", user);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("field").asText()).isEqualTo("id");
    }

    @Test
    void cycleIsRefused() {
        Reply reply = api.post("/v1/chains", user,
                chain(task("a", "one", "c"), task("b", "two", "a"), task("c", "three", "b")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("detail").asText()).contains("cycle").contains("a -> c -> b -> a");
    }

    static Stream<Arguments> invalidChains() {
        ObjectNode[] fiftyOne = IntStream.range(0, 51).mapToObj(i -> task("t" + i, "task " + i))
                .toArray(ObjectNode[]::new);
        return Stream.of(
                Arguments.of("empty task list", "{\"tasks\":[]}", "tasks", "at least one task"),
                Arguments.of("no tasks field", "{}", "tasks", "required"),
                Arguments.of("tasks not an array", "{\"tasks\":{}}", "tasks", "array"),
                Arguments.of("task not an object", "{\"tasks\":[\"a\"]}", "tasks[0]", "object"),
                Arguments.of("more than 50 tasks", chain(fiftyOne).toString(), "tasks", "at most 50"),
                Arguments.of("unknown dependency", chain(task("a", "x"), task("b", "y", "nope")).toString(),
                        "tasks[1].dependsOn", "'nope'"),
                Arguments.of("duplicate id", chain(task("a", "x"), task("a", "y")).toString(), "tasks[1].id", "twice"),
                Arguments.of("id with a separator", chain(task("a:b", "x")).toString(), "tasks[0].id", "letters"),
                Arguments.of("missing prompt", "{\"tasks\":[{\"id\":\"a\",\"language\":\"java\"}]}", "tasks[0].prompt",
                        "required"),
                Arguments.of("unknown language", "{\"tasks\":[{\"id\":\"a\",\"prompt\":\"x\",\"language\":\"cobol\"}]}",
                        "tasks[0].language", "cobol"),
                Arguments.of("unknown task field",
                        "{\"tasks\":[{\"id\":\"a\",\"prompt\":\"x\",\"language\":\"go\",\"x\":1}]}",
                        "tasks[0].x", "unknown field"),
                Arguments.of("dependsOn not strings", "{\"tasks\":[{\"id\":\"a\",\"prompt\":\"x\",\"language\":\"go\","
                        + "\"dependsOn\":[1]}]}", "tasks[0].dependsOn", "array of strings"),
                Arguments.of("prompt and templateId", "{\"tasks\":[{\"id\":\"a\",\"prompt\":\"x\",\"language\":\"go\","
                        + "\"templateId\":\"" + UUID.randomUUID() + "\"}]}", "tasks[0].prompt", "not both"),
                Arguments.of("variables without a template", "{\"tasks\":[{\"id\":\"a\",\"prompt\":\"x\","
                        + "\"language\":\"go\",\"variables\":{\"n\":\"1\"}}]}", "tasks[0].variables", "templateId"),
                Arguments.of("not JSON", "{\"tasks\":[", "body", "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidChains")
    void invalidChainIsABadRequestNamingTheField(String name, String body, String field, String detail) {
        Reply reply = api.post("/v1/chains", user, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("field").asText()).isEqualTo(field);
        assertThat(reply.body().path("detail").asText()).contains(detail);
    }

    private static String output(Map<String, JsonNode> tasks, String id) {
        return tasks.get(id).path("output").asText();
    }

    private static Instant started(Map<String, JsonNode> tasks, String id) {
        return Instant.parse(tasks.get(id).path("startedAt").asText());
    }

    private static Instant finished(Map<String, JsonNode> tasks, String id) {
        return Instant.parse(tasks.get(id).path("finishedAt").asText());
    }
}
