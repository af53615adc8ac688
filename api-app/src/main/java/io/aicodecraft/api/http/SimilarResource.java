package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.search.SemanticSearch;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /v1/templates/similar?text=&limit=} (the whole library) and {@code GET /v1/generations/similar?text=&limit=}
 * (the caller's own generations): the items nearest in meaning to {@code text}, nearest first, each with its cosine
 * {@code distance} and {@code score}. 501 where the database has no pgvector.
 */
public final class SimilarResource implements HttpService {
    public static final String TEMPLATES = "/v1/templates/similar";
    public static final String GENERATIONS = "/v1/generations/similar";

    private final Finder finder;
    private final SemanticSearch search;
    private final ObjectMapper json;
    private final JsonReply reply;

    /** What one route ranks, for a caller. */
    private interface Finder {
        List<?> find(SemanticSearch search, UUID caller, String text, int limit);
    }

    private SimilarResource(Finder finder, SemanticSearch search, ObjectMapper json) {
        this.finder = finder;
        this.search = search;
        this.json = json;
        this.reply = new JsonReply(json);
    }

    static SimilarResource templates(SemanticSearch search, ObjectMapper json) {
        return new SimilarResource((s, caller, text, limit) -> s.templates(text, limit), search, json);
    }

    static SimilarResource generations(SemanticSearch search, ObjectMapper json) {
        return new SimilarResource(SemanticSearch::generations, search, json);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::similar);
    }

    private void similar(ServerRequest req, ServerResponse res) {
        UUID caller = Caller.of(req);
        String text = req.query().first("text").asOptional().map(String::strip).orElse("");
        if (text.isEmpty()) {
            throw ProblemException.invalid("text", "text is required: the words to find similar items for");
        }
        if (text.length() > SemanticSearch.MAX_TEXT_CHARS) {
            throw ProblemException.invalid("text", "text is longer than " + SemanticSearch.MAX_TEXT_CHARS + " characters");
        }
        JsonBody.refuseNul("text", text);
        int limit = req.query().first("limit").asOptional()
                .map(v -> TemplatesResource.integer("limit", v, 1, SemanticSearch.MAX_LIMIT))
                .orElse(SemanticSearch.DEFAULT_LIMIT);
        List<?> items = finder.find(search, caller, text, limit);
        ObjectNode body = json.createObjectNode().put("model", search.model());
        body.set("items", json.valueToTree(items));
        reply.send(res, Status.OK_200, body);
    }
}
