package io.aicodecraft.api.search;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /v1/generations/similar}: the caller's own generations, ranked by the meaning of their prompts. */
class SimilarGenerationsTest {
    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static SearchApi api;
    private static String aliceReverse;
    private static String aliceSort;
    private static String bobReverse;

    @BeforeAll
    static void history() {
        api = SearchApi.start();
        aliceReverse = generate(ALICE, "a function that reverses a string");
        aliceSort = generate(ALICE, "sort a list of numbers in ascending order");
        generate(ALICE, "connect to a PostgreSQL database and run a query");
        bobReverse = generate(BOB, "reverse the characters of a text");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(ids(similar(ALICE, "anything", "&limit=50"))).hasSize(3);
            assertThat(ids(similar(BOB, "anything", "&limit=50"))).hasSize(1);
        });
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static String generate(UUID user, String prompt) {
        return api.generate(user, prompt);
    }

    static JsonNode similar(UUID user, String text, String more) {
        return api.similar("/v1/generations/similar", user, text, more);
    }

    static List<String> ids(JsonNode page) {
        return SearchApi.ids(page);
    }

    @Test
    void theCallersGenerationOfTheSameMeaningRanksFirst() {
        List<String> ranked = ids(similar(ALICE, "reverse a string", ""));

        assertThat(ranked).first().isEqualTo(aliceReverse);
        assertThat(ranked.indexOf(aliceReverse)).isLessThan(ranked.indexOf(aliceSort));
    }

    @Test
    void anotherCallersGenerationsAreNeverFound() {
        assertThat(ids(similar(ALICE, "reverse the characters of a text", "&limit=50")))
                .hasSize(3).doesNotContain(bobReverse);
        assertThat(ids(similar(BOB, "sort a list of numbers", "&limit=50"))).containsExactly(bobReverse);
    }

    @Test
    void itemsCarryThePromptCodeDistanceAndScore() {
        JsonNode first = similar(ALICE, "reverse a string", "&limit=1").path("items");

        assertThat(first).hasSize(1);
        assertThat(first.get(0).path("prompt").asText()).isEqualTo("a function that reverses a string");
        assertThat(first.get(0).path("code").asText()).isNotBlank();
        assertThat(first.get(0).path("language").asText()).isEqualTo("python");
        assertThat(first.get(0).path("score").asDouble()).isCloseTo(1 - first.get(0).path("distance").asDouble(),
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aCallerWithoutGenerationsGetsNone() {
        assertThat(similar(UUID.randomUUID(), "reverse a string", "").path("items")).isEmpty();
    }
}
