package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.ai.Language;
import io.aicodecraft.api.conversation.ConversationChange;
import io.aicodecraft.api.conversation.ConversationDraft;
import io.aicodecraft.api.conversation.ConversationFilter;
import io.aicodecraft.api.conversation.ConversationView;
import io.aicodecraft.api.conversation.Conversations;
import io.aicodecraft.api.conversation.Message;
import io.aicodecraft.api.conversation.Turn;
import io.aicodecraft.api.generation.Outcome;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /v1/conversations}: the caller's conversations (create, list with filters, read with the current branch,
 * change, delete softly and restore) and their messages (say one, edit one as a new version, read a branch or a
 * message's versions). Answers cost model tokens and are charged like generations.
 */
public final class ConversationsResource implements HttpService {
    public static final String PATH = "/v1/conversations";
    static final int MAX_TITLE_BYTES = 512;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_CHARS = 50;
    private static final Set<String> CHANGES = Set.of("title", "tags", "pinned", "archived", "systemPrompt");

    private final Conversations conversations;
    private final ObjectMapper json;
    private final TokenCharge tokens;
    private final JsonReply reply;

    ConversationsResource(Conversations conversations, ObjectMapper json, TokenCharge tokens) {
        this.conversations = conversations;
        this.json = json;
        this.tokens = tokens;
        this.reply = new JsonReply(json);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .get("/", this::list)
                .get("/{id}", this::read)
                .patch("/{id}", this::update)
                .delete("/{id}", this::delete)
                .post("/{id}/restore", this::restore)
                .post("/{id}/messages", this::say)
                .get("/{id}/messages", this::branch)
                .put("/{id}/messages/{messageId}", this::edit)
                .get("/{id}/messages/{messageId}/versions", this::versions);
    }

    private void create(ServerRequest req, ServerResponse res) {
        UUID caller = Caller.of(req);
        JsonBody body = JsonBody.read(req, json, Set.of("title", "language", "systemPrompt", "model", "tags"));
        FieldProblems check = new FieldProblems();
        String title = check.read(() -> body.text("title", MAX_TITLE_BYTES));
        Language language = check.read(() -> body.language("language"));
        Optional<String> systemPrompt = check.read(() -> optionalText(body, "systemPrompt"));
        Optional<String> model = check.read(() -> body.optionalText("model"));
        Optional<List<String>> tags = check.read(() -> tags(body));
        check.throwIfAny();
        var created = conversations.create(caller,
                new ConversationDraft(title, language, systemPrompt, model, tags.orElse(List.of())));
        res.header(HeaderNames.LOCATION, PATH + "/" + created.id());
        reply.send(res, Status.CREATED_201, created);
    }

    private void list(ServerRequest req, ServerResponse res) {
        HistoryRequest page = HistoryRequest.of(req);
        FieldProblems check = new FieldProblems();
        Optional<String> tag = check.read(() -> req.query().first("tag").asOptional().map(text -> tag("tag", text)));
        Optional<Boolean> pinned = check.read(() -> flag(req, "pinned"));
        Optional<Boolean> archived = check.read(() -> flag(req, "archived"));
        Optional<Boolean> deleted = check.read(() -> flag(req, "deleted"));
        check.throwIfAny();
        var filter = new ConversationFilter(tag, pinned, archived, deleted.orElse(false));
        reply.page(res, conversations.list(page.caller(), filter, page.limit(), page.after()));
    }

    private void read(ServerRequest req, ServerResponse res) {
        ConversationView view = conversations.read(Caller.of(req), id(req, "id"));
        ObjectNode body = json.valueToTree(view.conversation());
        body.set("messages", json.valueToTree(view.messages()));
        reply.send(res, Status.OK_200, body);
    }

    private void update(ServerRequest req, ServerResponse res) {
        UUID caller = Caller.of(req);
        UUID id = id(req, "id");
        JsonBody body = JsonBody.read(req, json, CHANGES);
        FieldProblems check = new FieldProblems();
        Optional<String> title = check.read(() -> notNull(body, "title").filter(b -> b.has("title"))
                .map(b -> b.text("title", MAX_TITLE_BYTES)));
        Optional<List<String>> tags = check.read(() -> notNull(body, "tags").flatMap(ConversationsResource::tags));
        Optional<Boolean> pinned = check.read(() -> notNull(body, "pinned").flatMap(b -> b.optionalBoolean("pinned")));
        Optional<Boolean> archived = check.read(() -> notNull(body, "archived")
                .flatMap(b -> b.optionalBoolean("archived")));
        Optional<Optional<String>> systemPrompt = check.read(() -> body.has("systemPrompt")
                ? Optional.of(optionalText(body, "systemPrompt")) : Optional.empty());
        check.throwIfAny();
        if (CHANGES.stream().noneMatch(body::has)) {
            throw ProblemException.invalid("body", "nothing to change: give one or more of " + CHANGES);
        }
        reply.send(res, Status.OK_200, conversations.update(caller, id,
                new ConversationChange(title, tags, pinned, archived, systemPrompt)));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        reply.send(res, Status.OK_200, conversations.delete(Caller.of(req), id(req, "id")));
    }

    private void restore(ServerRequest req, ServerResponse res) {
        reply.send(res, Status.OK_200, conversations.restore(Caller.of(req), id(req, "id")));
    }

    private void say(ServerRequest req, ServerResponse res) {
        UUID caller = Caller.of(req);
        UUID id = id(req, "id");
        JsonBody body = JsonBody.read(req, json, Set.of("content", "parentId"));
        FieldProblems check = new FieldProblems();
        String content = check.read(() -> body.text("content", CodeResource.MAX_PROMPT_BYTES));
        Optional<UUID> parent = check.read(() -> body.optionalText("parentId").map(text -> uuid("parentId", text)));
        check.throwIfAny();
        answered(req, res, id, conversations.say(caller, id, content, parent));
    }

    private void edit(ServerRequest req, ServerResponse res) {
        UUID caller = Caller.of(req);
        UUID id = id(req, "id");
        UUID messageId = id(req, "messageId");
        String content = JsonBody.read(req, json, Set.of("content")).text("content", CodeResource.MAX_PROMPT_BYTES);
        answered(req, res, id, conversations.edit(caller, id, messageId, content));
    }

    /** 201: Location reads the branch the reply ends. */
    private void answered(ServerRequest req, ServerResponse res, UUID id, Outcome<Turn> turn) {
        tokens.charge(req, turn.tokens());
        res.header(HeaderNames.LOCATION, PATH + "/" + id + "/messages?branch=" + turn.result().reply().id());
        ObjectNode body = json.valueToTree(turn.result());
        body.put("cached", turn.cached());
        reply.send(res, Status.CREATED_201, body);
    }

    private void branch(ServerRequest req, ServerResponse res) {
        UUID caller = Caller.of(req);
        UUID id = id(req, "id");
        Optional<UUID> leaf = req.query().first("branch").asOptional().map(text -> uuid("branch", text));
        items(res, conversations.branch(caller, id, leaf));
    }

    private void versions(ServerRequest req, ServerResponse res) {
        UUID caller = Caller.of(req);
        items(res, conversations.versions(caller, id(req, "id"), id(req, "messageId")));
    }

    private void items(ServerResponse res, List<Message> messages) {
        reply.send(res, Status.OK_200, Map.of("items", messages));
    }

    /** A text field that may be left out or null; when given it is not blank, at most a prompt long, without NUL. */
    private static Optional<String> optionalText(JsonBody body, String field) {
        return body.optionalText(field).isPresent()
                ? Optional.of(body.text(field, CodeResource.MAX_PROMPT_BYTES)) : Optional.empty();
    }

    /** The body, for a field a PATCH may leave out but not set to null: the field has no "none". */
    private static Optional<JsonBody> notNull(JsonBody body, String field) {
        if (body.isNull(field)) {
            throw ProblemException.invalid(field, "field '" + field + "' must not be null; leave it out to keep it");
        }
        return Optional.of(body);
    }

    /** Tags as they are matched: trimmed, lower case, each once, in the order given. */
    private static Optional<List<String>> tags(JsonBody body) {
        Optional<List<String>> given = body.optionalTextList("tags");
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (given.get().size() > MAX_TAGS) {
            throw ProblemException.invalid("tags", "a conversation has at most " + MAX_TAGS + " tags");
        }
        List<String> tags = new ArrayList<>(new LinkedHashSet<>(given.get().stream()
                .map(text -> tag("tags", text)).toList()));
        return Optional.of(tags);
    }

    private static String tag(String field, String text) {
        String tag = text.strip().toLowerCase(Locale.ROOT);
        if (tag.isEmpty() || tag.length() > MAX_TAG_CHARS || tag.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid(field, "a tag is 1 to " + MAX_TAG_CHARS
                    + " characters without control characters, not '" + text + "'");
        }
        return tag;
    }

    private static Optional<Boolean> flag(ServerRequest req, String name) {
        return req.query().first(name).asOptional().map(text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, name + " is true or false, not '" + text + "'");
        });
    }

    private static UUID id(ServerRequest req, String name) {
        return uuid(name, req.path().pathParameters().get(name));
    }

    private static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, field + " '" + text + "' is not a UUID");
        }
    }
}
