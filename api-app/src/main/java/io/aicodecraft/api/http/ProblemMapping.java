package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.ai.ModelFailureException;
import io.aicodecraft.api.ai.UnknownModelException;
import io.aicodecraft.api.auth.QuotaExceededException;
import io.aicodecraft.api.auth.RateDecision;
import io.aicodecraft.api.chain.InvalidChainException;
import io.aicodecraft.api.chain.QueueUnavailableException;
import io.aicodecraft.api.conversation.ConversationNotFoundException;
import io.aicodecraft.api.conversation.InvalidConversationException;
import io.aicodecraft.api.conversation.MessageNotFoundException;
import io.aicodecraft.api.search.SearchUnavailableException;
import io.aicodecraft.api.store.DatabaseUnavailableException;
import io.aicodecraft.api.template.InvalidTemplateException;
import io.aicodecraft.api.template.NotTemplateOwnerException;
import io.aicodecraft.api.template.TemplateNotFoundException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The one place where exceptions become {@code application/problem+json} responses. */
public final class ProblemMapping {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapping.class.getName());

    private final ObjectMapper json;

    public ProblemMapping(ObjectMapper json) {
        this.json = json;
    }

    public void register(HttpRouting.Builder routing) {
        routing.error(Exception.class, this::send);
    }

    /** Answers {@code e} as a problem; the routes' error handler, and {@link FilterErrors} for the filters. */
    void send(ServerRequest req, ServerResponse res, Exception e) {
        switch (e) {
            case ProblemException problem -> send(req, res, problem.type(), problem.getMessage(), problem.field(),
                    problem.errors(), body -> { });
            case InvalidTemplateException invalid ->
                    send(req, res, ProblemType.INVALID_REQUEST, invalid.getMessage(), Optional.of(invalid.field()));
            case InvalidChainException invalid ->
                    send(req, res, ProblemType.INVALID_REQUEST, invalid.getMessage(), Optional.of(invalid.field()));
            case InvalidConversationException invalid ->
                    send(req, res, ProblemType.INVALID_REQUEST, invalid.getMessage(), Optional.of(invalid.field()));
            case ConversationNotFoundException missing ->
                    send(req, res, ProblemType.CONVERSATION_NOT_FOUND, missing.getMessage(), Optional.empty());
            case MessageNotFoundException missing ->
                    send(req, res, ProblemType.MESSAGE_NOT_FOUND, missing.getMessage(), Optional.of(missing.field()));
            case TemplateNotFoundException missing ->
                    send(req, res, ProblemType.TEMPLATE_NOT_FOUND, missing.getMessage(), Optional.empty());
            case NotTemplateOwnerException notOwner ->
                    send(req, res, ProblemType.NOT_TEMPLATE_OWNER, notOwner.getMessage(), Optional.empty());
            case QuotaExceededException spent -> {
                res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, RateDecision.seconds(spent.retryAfter()))));
                send(req, res, ProblemType.QUOTA_EXCEEDED, spent.getMessage(), Optional.empty(), List.of(),
                        body -> body.put("reset", spent.reset().toString()));
            }
            case QueueUnavailableException unavailable -> send(req, res, ProblemType.QUEUE_UNAVAILABLE,
                    "the chain queue (Redis) cannot be reached right now; retry shortly", Optional.empty());
            case SearchUnavailableException unavailable ->
                    send(req, res, ProblemType.SEARCH_UNAVAILABLE, unavailable.getMessage(), Optional.empty());
            case UnknownModelException unknown ->
                    send(req, res, ProblemType.INVALID_REQUEST, unknown.getMessage(), Optional.of("model"));
            case ModelFailureException failure -> {
                LOG.log(Level.WARNING, "code model failed: " + failure.getMessage());
                send(req, res, ProblemType.MODEL_FAILURE, failure.getMessage(), Optional.empty());
            }
            case DatabaseUnavailableException unavailable -> {
                LOG.log(Level.WARNING, unavailable.getMessage());
                res.header(HeaderNames.RETRY_AFTER, "5");
                send(req, res, ProblemType.DATABASE_UNAVAILABLE,
                        "PostgreSQL cannot be reached right now; retry shortly", Optional.empty());
            }
            // the web server's own refusals (no route: 404, a malformed request line or header: 400) are the
            // client's problem, not ours
            case HttpException refusal when refusal.status().code() >= 500 -> {
                LOG.log(Level.SEVERE, "web server error on " + req.prologue().method() + " " + req.path().path(), refusal);
                send(req, res, ProblemType.INTERNAL, "an unexpected error occurred", Optional.empty());
            }
            case HttpException refusal when refusal.status().code() == 404 ->
                    send(req, res, ProblemType.NOT_FOUND, "no resource at " + req.path().path(), Optional.empty());
            case HttpException refusal ->
                    send(req, res, ProblemType.INVALID_REQUEST, refusal.getMessage(), Optional.empty());
            default -> {
                LOG.log(Level.SEVERE, "unexpected error on " + req.prologue().method() + " " + req.path().path(), e);
                send(req, res, ProblemType.INTERNAL, "an unexpected error occurred", Optional.empty());
            }
        }
    }

    /** An RFC 9457 body: the problem's type URI, its title, the response status and the detail. */
    static ObjectNode body(ObjectMapper json, ProblemType type, String title, int status, String detail) {
        return json.createObjectNode()
                .put("type", type.type().toString())
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
    }

    private void send(ServerRequest req, ServerResponse res, ProblemType type, String detail, Optional<String> field) {
        send(req, res, type, detail, field, List.of(), body -> { });
    }

    private void send(ServerRequest req, ServerResponse res, ProblemType type, String detail, Optional<String> field,
                      List<FieldProblems.FieldProblem> errors, Consumer<ObjectNode> members) {
        ObjectNode body = body(json, type, type.title(), type.status(), detail)
                .put("instance", req.path().absolute().path());
        field.ifPresent(f -> body.put("field", f));
        if (!errors.isEmpty()) {
            ArrayNode list = body.putArray("errors");
            errors.forEach(error -> list.addObject().put("field", error.field()).put("detail", error.detail()));
        }
        members.accept(body);
        if (type == ProblemType.UNAUTHORIZED) {
            // RFC 9110: every 401 names the scheme that would be accepted
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"aicodecraft\"");
        }
        res.status(Status.create(type.status()));
        res.header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        res.send(body.toString());
    }
}
