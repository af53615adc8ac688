package io.aicodecraft.api.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.SharedApi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.aicodecraft.api.template.TemplateRequests.create;
import static io.aicodecraft.api.template.TemplateRequests.template;
import static io.aicodecraft.api.template.TemplateRequests.word;
import static org.assertj.core.api.Assertions.assertThat;

/** Full-text search with ranking, the category filter and pagination; every test searches words of its own. */
class TemplateSearchTest {
    private final ApiClient api = SharedApi.client();
    private final UUID owner = UUID.randomUUID();
    private final String topic = word();

    private JsonNode search(String query) {
        Reply reply = api.get("/v1/templates?" + query, owner);
        assertThat(reply.status()).as("search %s: %s", query, reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    @Test
    void findsTemplatesByAWordOfTheirBody() {
        create(api, owner, template("Body match", "search", "a service that does " + topic + " things"));
        create(api, owner, template("Unrelated", "search", "nothing to see " + word()));

        JsonNode page = search("q=" + topic);

        assertThat(names(page)).containsExactly("Body match");
        assertThat(page.path("items").get(0).path("score").asDouble()).isPositive();
        assertThat(page.path("items").get(0).has("body")).as("hits are summaries").isFalse();
    }

    @Test
    void aNameMatchRanksAboveADescriptionMatchAboveABodyMatch() {
        create(api, owner, template("in body", "search", "generate " + topic));
        create(api, owner, template("in name " + topic, "search", "generate code"));
        create(api, owner, template("in description", "search", "generate code").put("description", "about " + topic));

        assertThat(names(search("q=" + topic))).containsExactly("in name " + topic, "in description", "in body");
    }

    @Test
    void stemmingMatchesOtherFormsOfAWord() {
        create(api, owner, template("Parsers " + topic, "search", "parsing many files"));

        assertThat(names(search("q=parse+" + topic))).containsExactly("Parsers " + topic);
    }

    @Test
    void allWordsOfTheQueryMustMatch() {
        String other = word();
        create(api, owner, template("both", "search", topic + " " + other));
        create(api, owner, template("one", "search", topic));

        assertThat(names(search("q=" + topic + "+" + other))).containsExactly("both");
    }

    @Test
    void categoryFiltersSearchAndIgnoresCase() {
        String category = word();
        create(api, owner, template("in category", category, "x " + topic));
        create(api, owner, template("elsewhere", "other", "x " + topic));

        assertThat(names(search("q=" + topic + "&category=" + category.toUpperCase()))).containsExactly("in category");
    }

    @Test
    void categoryAloneListsItsTemplatesNewestFirst() {
        String category = word();
        create(api, owner, template("older", category, "a"));
        create(api, owner, template("newer", category, "b"));

        JsonNode page = search("category=" + category);

        assertThat(names(page)).containsExactly("newer", "older");
        assertThat(page.path("items").get(0).has("score")).as("no query, no rank").isFalse();
    }

    @Test
    void searchSeesOnlyTheLatestVersion() {
        String old = word();
        String id = create(api, owner, template("versioned", "search", "about " + old)).path("id").asText();
        api.post("/v1/templates/" + id + "/versions", owner, "{\"body\":\"about " + topic + "\"}");

        assertThat(names(search("q=" + old))).isEmpty();
        JsonNode hit = search("q=" + topic).path("items").get(0);
        assertThat(hit.path("id").asText()).isEqualTo(id);
        assertThat(hit.path("version").asInt()).isEqualTo(2);
    }

    @Test
    void pagesFollowNextCursorUntilItIsNull() {
        String category = word();
        for (int i = 0; i < 5; i++) {
            create(api, owner, template("page item " + i, category, "body"));
        }

        JsonNode first = search("category=" + category + "&limit=2");
        JsonNode second = search("category=" + category + "&limit=2&cursor=" + first.path("nextCursor").asText());
        JsonNode third = search("category=" + category + "&limit=2&cursor=" + second.path("nextCursor").asText());

        assertThat(names(first)).containsExactly("page item 4", "page item 3");
        assertThat(names(second)).containsExactly("page item 2", "page item 1");
        assertThat(names(third)).containsExactly("page item 0");
        assertThat(third.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void rankedPagesFollowTheRankWithoutRepeatsOrGaps() {
        String word = word();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // more mentions, a higher rank; two of each so equal ranks are ordered by time and id
            create(api, owner, template("ranked " + i, "search", (word + " ").repeat(1 + i / 2) + "filler"));
        }
        JsonNode whole = search("q=" + word + "&limit=100");
        whole.path("items").forEach(item -> all.add(item.path("name").asText()));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = search("q=" + word + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(item -> paged.add(item.path("name").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);

        assertThat(all).hasSize(7);
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void searchSyntaxThatIsNotWellFormedStillAnswers() {
        create(api, owner, template("syntax", "search", "x " + topic));

        assertThat(names(search("q=%22" + topic + "+OR+-+%28%26%21"))).containsExactly("syntax");
    }

    @Test
    void queryOfStopWordsOnlyFindsNothing() {
        assertThat(names(search("q=the+and+of"))).isEmpty();
    }
}
