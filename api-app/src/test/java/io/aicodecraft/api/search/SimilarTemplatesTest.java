package io.aicodecraft.api.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.http.ProblemMapping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /v1/templates/similar} on PostgreSQL with pgvector, with the real all-MiniLM-L6-v2: the library of this
 * class's own database, embedded by the backfill, ranked by meaning, not by shared words.
 */
class SimilarTemplatesTest {
    private static final UUID OWNER = UUID.randomUUID();
    private static SearchApi api;
    private static String reverse;
    private static String sort;
    private static String http;

    @BeforeAll
    static void library() {
        api = SearchApi.start();
        reverse = create("String reversal", "strings",
                "Write a function that returns the characters of {{text}} in reverse order, last character first.");
        sort = create("Sort numbers", "collections",
                "Write a function that sorts a list of integers in ascending order using merge sort.");
        http = create("HTTP client", "network",
                "Write code that sends an HTTP GET request to {{url}} and prints the status code.");
        awaitEmbedded(3);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static String create(String name, String category, String body) {
        ObjectNode template = ApiClient.json().createObjectNode().put("name", name)
                .put("category", category).put("language", "python").put("body", body);
        Reply reply = api.client.post("/v1/templates", OWNER, template);
        assertThat(reply.status()).as("create: %s", reply.body()).isEqualTo(201);
        return reply.body().path("id").asText();
    }

    /** Waits for the backfill: a search finds only embedded templates. */
    static void awaitEmbedded(int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(similar("anything", "&limit=50").path("items").size()).isEqualTo(count));
    }

    static JsonNode similar(String text, String more) {
        return api.similar("/v1/templates/similar", OWNER, text, more);
    }

    static List<String> ids(JsonNode page) {
        return SearchApi.ids(page);
    }

    @Test
    void reversingAStringRanksTheReversalTemplateFirstAndSortingBelowIt() {
        List<String> ranked = ids(similar("reverse a string", ""));

        assertThat(ranked).startsWith(reverse);
        assertThat(ranked.indexOf(reverse)).isLessThan(ranked.indexOf(sort));
    }

    @Test
    void aQueryWithNoWordInCommonFindsTheTemplateOfTheSameMeaning() {
        // none of "order", "ascending", "merge" is asked for: only the meaning connects them
        assertThat(ids(similar("arrange these values from smallest to largest", ""))).first().isEqualTo(sort);
        assertThat(ids(similar("download a web page", ""))).first().isEqualTo(http);
    }

    @Test
    void itemsCarryTheirCosineDistanceAndScoreNearestFirst() {
        JsonNode page = similar("reverse a string", "");

        assertThat(page.path("model").asText()).isEqualTo("all-minilm-l6-v2-q");
        List<Double> distances = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            double distance = item.path("distance").asDouble();
            assertThat(distance).isBetween(0.0, 2.0);
            assertThat(item.path("score").asDouble()).isCloseTo(1 - distance, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(item.has("body")).as("items are summaries").isFalse();
            distances.add(distance);
        }
        assertThat(distances).hasSizeGreaterThanOrEqualTo(3).isSorted();
        assertThat(page.path("items").get(0).path("name").asText()).isEqualTo("String reversal");
    }

    @Test
    void limitCutsTheRanking() {
        assertThat(ids(similar("reverse a string", "&limit=1"))).containsExactly(reverse);
    }

    @Test
    void aTemplatesNewVersionIsEmbeddedAgain() {
        String moving = create("Moving target", "misc", "Write code that reads a CSV file and prints how many rows it has.");
        awaitEmbedded(4);
        double before = distance(moving, "compute the sha256 hash of a file");

        Reply changed = api.client.post("/v1/templates/" + moving + "/versions", OWNER, ApiClient.json().createObjectNode()
                .put("body", "Write code that computes the SHA-256 checksum of a file and prints it in hex."));
        assertThat(changed.status()).as("%s", changed.body()).isEqualTo(201);

        // the version moves on at once; its embedding follows with the backfill
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(distance(moving, "compute the sha256 hash of a file")).isLessThan(before - 0.2));
    }

    static double distance(String id, String text) {
        for (JsonNode item : similar(text, "&limit=50").path("items")) {
            if (item.path("id").asText().equals(id)) {
                return item.path("distance").asDouble();
            }
        }
        throw new AssertionError(id + " is not among the templates similar to " + text);
    }

    @Test
    void theMetricsNameTheRouteNotTheQuery() {
        similar("reverse a string", "");

        String metrics = api.client.get("/metrics").body().asText();
        assertThat(metrics)
                .contains("aicc_http_requests_seconds_count{method=\"GET\",route=\"/v1/templates/similar\",status=\"200\"}")
                .doesNotContain("reverse");
    }

    @Test
    void answersJsonNotAProblem() {
        Reply reply = api.client.get("/v1/templates/similar?text=sort", OWNER);

        assertThat(reply.contentType()).startsWith("application/json").isNotEqualTo(ProblemMapping.MEDIA_TYPE);
    }
}
