package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.ai.Language;
import io.aicodecraft.api.template.SearchCursor;
import io.aicodecraft.api.template.Template;
import io.aicodecraft.api.template.TemplateChange;
import io.aicodecraft.api.template.TemplateDraft;
import io.aicodecraft.api.template.TemplateLibrary;
import io.aicodecraft.api.template.TemplatePage;
import io.aicodecraft.api.template.TemplateQuery;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /v1/templates}: create (POST), search (GET {@code ?q=&category=&limit=&cursor=}), read
 * ({@code /{id}?version=n}), add a version ({@code /{id}/versions}), render ({@code /{id}/render}) and usage
 * statistics ({@code /{id}/stats}). Any caller may read and use a template; only its owner adds versions.
 */
public final class TemplatesResource implements HttpService {
    static final int MAX_NAME_BYTES = 200;
    static final int MAX_DESCRIPTION_BYTES = 4 * 1024;
    static final int MAX_CATEGORY_BYTES = 64;
    static final int MAX_VARIABLES = 64;
    static final int MAX_QUERY_CHARS = 256;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** Deeper pages cost a scan of everything skipped; past this, narrow the query instead. */
    private static final Set<String> CONTENT_FIELDS =
            Set.of("name", "description", "category", "language", "body", "variables");

    private final TemplateLibrary library;
    private final ObjectMapper json;
    private final JsonReply reply;

    public TemplatesResource(TemplateLibrary library, ObjectMapper json) {
        this.library = library;
        this.json = json;
        this.reply = new JsonReply(json);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .get("/", this::search)
                .get("/{id}", this::read)
                .post("/{id}/versions", this::addVersion)
                .post("/{id}/render", this::render)
                .get("/{id}/stats", this::stats);
    }

    private void create(ServerRequest req, ServerResponse res) {
        UUID caller = Caller.of(req);
        JsonBody body = JsonBody.read(req, json, CONTENT_FIELDS);
        FieldProblems check = new FieldProblems();
        String name = check.read(() -> body.text("name", MAX_NAME_BYTES));
        String description = check.read(() -> optionalText(body, "description", MAX_DESCRIPTION_BYTES).orElse(""));
        String category = check.read(() -> body.text("category", MAX_CATEGORY_BYTES));
        Language language = check.read(() -> body.language("language"));
        String text = check.read(() -> body.text("body", CodeResource.MAX_PROMPT_BYTES));
        Optional<List<String>> variables = check.read(() -> variables(body));
        check.throwIfAny();
        created(res, library.create(caller, TemplateDraft.of(name, description, category, language, text, variables)));
    }

    private void addVersion(ServerRequest req, ServerResponse res) {
        UUID caller = Caller.of(req);
        UUID id = id(req);
        JsonBody body = JsonBody.read(req, json, CONTENT_FIELDS);
        FieldProblems check = new FieldProblems();
        String text = check.read(() -> body.text("body", CodeResource.MAX_PROMPT_BYTES));
        Optional<String> name = check.read(() -> optionalText(body, "name", MAX_NAME_BYTES));
        Optional<String> description = check.read(() -> optionalText(body, "description", MAX_DESCRIPTION_BYTES));
        Optional<String> category = check.read(() -> optionalText(body, "category", MAX_CATEGORY_BYTES));
        Optional<Language> language = check.read(() -> body.optionalLanguage("language"));
        Optional<List<String>> variables = check.read(() -> variables(body));
        check.throwIfAny();
        created(res, library.addVersion(caller, id,
                new TemplateChange(text, name, description, category, language, variables)));
    }

    private void read(ServerRequest req, ServerResponse res) {
        Caller.of(req);
        reply.send(res, Status.OK_200, library.read(id(req), version(req)));
    }

    private void render(ServerRequest req, ServerResponse res) {
        Caller.of(req);
        UUID id = id(req);
        Optional<Integer> version = version(req);
        Map<String, String> variables = JsonBody.read(req, json, Set.of("variables")).textMap("variables");
        Template template = library.read(id, version);
        ObjectNode rendered = json.createObjectNode()
                .put("templateId", template.id().toString())
                .put("version", template.version())
                .put("text", template.render(variables));
        reply.send(res, Status.OK_200, rendered);
    }

    private void stats(ServerRequest req, ServerResponse res) {
        Caller.of(req);
        reply.send(res, Status.OK_200, library.stats(id(req)));
    }

    private void search(ServerRequest req, ServerResponse res) {
        Caller.of(req);
        Optional<String> text = query(req, "q").map(String::strip).filter(q -> !q.isEmpty());
        if (text.isPresent() && text.get().length() > MAX_QUERY_CHARS) {
            throw ProblemException.invalid("q", "q is longer than " + MAX_QUERY_CHARS + " characters");
        }
        text.ifPresent(q -> JsonBody.refuseNul("q", q));
        Optional<String> category = query(req, "category").map(String::strip);
        category.ifPresent(c -> JsonBody.refuseNul("category", c));
        if (category.isPresent() && (category.get().isEmpty() || category.get().length() > MAX_CATEGORY_BYTES)) {
            throw ProblemException.invalid("category", "category must be 1 to " + MAX_CATEGORY_BYTES + " characters");
        }
        int limit = query(req, "limit").map(v -> integer("limit", v, 1, MAX_LIMIT)).orElse(DEFAULT_LIMIT);
        if (query(req, "offset").isPresent()) {
            throw ProblemException.invalid("offset", "search pages by cursor now: pass the nextCursor of the previous page");
        }
        Optional<SearchCursor> after = query(req, "cursor").map(TemplatesResource::cursor);
        TemplatePage page = library.search(new TemplateQuery(text, category, limit, after));
        ObjectNode body = json.createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(item -> items.add(json.valueToTree(item)));
        body.put("nextCursor", page.next().map(SearchCursor::encode).orElse(null));
        reply.send(res, Status.OK_200, body);
    }

    private void created(ServerResponse res, Template template) {
        res.header(HeaderNames.LOCATION, "/v1/templates/" + template.id() + "?version=" + template.version());
        reply.send(res, Status.CREATED_201, template);
    }

    private static Optional<List<String>> variables(JsonBody body) {
        Optional<List<String>> variables = body.optionalTextList("variables");
        if (variables.isPresent() && variables.get().size() > MAX_VARIABLES) {
            throw ProblemException.invalid("variables", "a template has at most " + MAX_VARIABLES + " variables");
        }
        return variables;
    }

    private static Optional<String> optionalText(JsonBody body, String field, int maxBytes) {
        return body.optionalText(field).map(present -> body.text(field, maxBytes));
    }

    private static UUID id(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "template id '" + id + "' is not a UUID");
        }
    }

    private static SearchCursor cursor(String text) {
        try {
            return SearchCursor.decode(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", e.getMessage());
        }
    }

    private static Optional<Integer> version(ServerRequest req) {
        return query(req, "version").map(v -> integer("version", v, 1, Integer.MAX_VALUE));
    }

    private static Optional<String> query(ServerRequest req, String name) {
        return req.query().first(name).asOptional();
    }

    static int integer(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalid(name, name + " must be an integer from " + min + " to " + max);
    }
}
