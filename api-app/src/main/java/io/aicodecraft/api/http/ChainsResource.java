package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicodecraft.api.ai.Language;
import io.aicodecraft.api.chain.ChainSpec;
import io.aicodecraft.api.chain.ChainView;
import io.aicodecraft.api.chain.Chains;
import io.aicodecraft.api.chain.InvalidChainException;
import io.aicodecraft.api.chain.TaskSpec;
import io.aicodecraft.api.chain.TemplateRef;
import io.aicodecraft.api.template.InvalidTemplateException;
import io.aicodecraft.api.template.Template;
import io.aicodecraft.api.template.TemplateLibrary;
import io.aicodecraft.api.template.TemplateNotFoundException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code /v1/chains}: submit a chain of tasks (202 with its id; it runs on the workers), read one back, and list
 * the caller's, newest first, a page at a time like the generation history. Each
 * task is a prompt, or a template rendered with variables at submission, so that a bad template or a missing
 * variable is a 400 now rather than a failed task later.
 */
public final class ChainsResource implements HttpService {
    public static final String PATH = "/v1/chains";
    private static final Set<String> TASK_FIELDS = Set.of("id", "prompt", "templateId", "variables", "language",
            "dependsOn");

    private final Chains chains;
    private final TemplateLibrary templates;
    private final ObjectMapper json;
    private final JsonReply reply;

    public ChainsResource(Chains chains, TemplateLibrary templates, ObjectMapper json) {
        this.chains = chains;
        this.templates = templates;
        this.json = json;
        this.reply = new JsonReply(json);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::submit).get("/", this::list).get("/{id}", this::read);
    }

    private void submit(ServerRequest req, ServerResponse res) {
        UUID caller = Caller.of(req);
        List<JsonBody> items = JsonBody.read(req, json, Set.of("tasks")).objects("tasks", TASK_FIELDS);
        if (items.size() > ChainSpec.MAX_TASKS) {
            throw ProblemException.invalid("tasks",
                    "a chain has at most " + ChainSpec.MAX_TASKS + " tasks; this one has " + items.size());
        }
        List<TaskSpec> tasks = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonBody item = items.get(i);
            tasks.add(within("tasks[" + i + "].", () -> task(item)));
        }
        ChainView chain = chains.submit(caller, new ChainSpec(tasks));
        res.header(HeaderNames.LOCATION, PATH + "/" + chain.id());
        reply.send(res, Status.ACCEPTED_202, Map.of("id", chain.id(), "status", chain.status()));
    }

    private void list(ServerRequest req, ServerResponse res) {
        HistoryRequest page = HistoryRequest.of(req);
        reply.page(res, chains.list(page.caller(), page.limit(), page.after()));
    }

    private void read(ServerRequest req, ServerResponse res) {
        UUID caller = Caller.of(req);
        String text = req.path().pathParameters().get("id");
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "a chain id is a UUID, not '" + text + "'");
        }
        ChainView chain = chains.find(caller, id).orElseThrow(() -> new ProblemException(
                ProblemType.CHAIN_NOT_FOUND, "you have no chain " + id, Optional.empty()));
        reply.send(res, Status.OK_200, chain);
    }

    private TaskSpec task(JsonBody item) {
        String id = item.text("id", 64);
        if (!TaskSpec.ID.matcher(id).matches()) {
            throw ProblemException.invalid("id",
                    "a task id is 1 to 64 letters, digits, '.', '_' or '-', not '" + id + "'");
        }
        List<String> dependsOn = item.optionalTextList("dependsOn").orElse(List.of());
        Optional<String> templateId = item.optionalText("templateId");
        if (templateId.isEmpty()) {
            if (!item.textMap("variables").isEmpty()) {
                throw ProblemException.invalid("variables", "variables belong to a task given by templateId");
            }
            return new TaskSpec(id, item.text("prompt", CodeResource.MAX_PROMPT_BYTES), null, item.language("language"),
                    dependsOn);
        }
        if (item.optionalText("prompt").isPresent()) {
            throw ProblemException.invalid("prompt", "a task has a prompt or a templateId, not both");
        }
        Template template = templates.read(uuid("templateId", templateId.get()), Optional.empty());
        String prompt = template.render(item.textMap("variables"));
        if (prompt.getBytes(StandardCharsets.UTF_8).length > CodeResource.MAX_PROMPT_BYTES) {
            throw ProblemException.invalid("variables",
                    "the rendered template is longer than a prompt may be (" + CodeResource.MAX_PROMPT_BYTES
                            + " bytes)");
        }
        Language language = item.optionalLanguage("language").orElse(template.language());
        return new TaskSpec(id, prompt, new TemplateRef(template.id(), template.version()), language, dependsOn);
    }

    private static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "field '" + field + "' must be a UUID");
        }
    }

    /** Problems of one task name it: {@code tasks[2].language}, not just {@code language}. */
    private static <T> T within(String path, Supplier<T> work) {
        String task = path.substring(0, path.length() - 1);
        try {
            return work.get();
        } catch (ProblemException e) {
            throw new ProblemException(e.type(), task + ": " + e.getMessage(),
                    Optional.of(e.field().map(field -> path + field).orElse(task)));
        } catch (InvalidTemplateException e) {
            throw new InvalidChainException(path + e.field(), task + ": " + e.getMessage());
        } catch (TemplateNotFoundException e) {
            throw new ProblemException(ProblemType.TEMPLATE_NOT_FOUND, task + ": " + e.getMessage(), Optional.of(task));
        }
    }
}
