package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicodecraft.api.ai.Language;
import io.aicodecraft.api.generation.CodeService;
import io.aicodecraft.api.generation.ConversionRequest;
import io.aicodecraft.api.generation.GenerationOrder;
import io.aicodecraft.api.generation.GenerationRequest;
import io.aicodecraft.api.generation.Outcome;
import io.aicodecraft.api.generation.TemplatedGenerationRequest;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** {@code /v1/generations} and {@code /v1/conversions}: create one (POST) and list the caller's (GET). */
public final class CodeResource<Q> implements HttpService {
    public static final int MAX_PROMPT_BYTES = 32 * 1024;

    private final CodeService<Q> service;
    private final Set<String> fields;
    private final Function<JsonBody, Q> request;
    private final ObjectMapper json;
    private final TokenCharge tokens;
    private final JsonReply reply;

    private CodeResource(CodeService<Q> service, Set<String> fields, Function<JsonBody, Q> request, ObjectMapper json,
                         TokenCharge tokens) {
        this.service = service;
        this.fields = fields;
        this.request = request;
        this.json = json;
        this.tokens = tokens;
        this.reply = new JsonReply(json);
    }

    static CodeResource<GenerationOrder> generations(CodeService<GenerationOrder> service, ObjectMapper json,
                                                     TokenCharge tokens) {
        return new CodeResource<>(service, Set.of("prompt", "language", "model", "templateId", "variables"),
                CodeResource::generationOrder, json, tokens);
    }

    /** A prompt, or a template and its variables to render into one: exactly one of prompt and templateId. */
    private static GenerationOrder generationOrder(JsonBody body) {
        Optional<String> templateId = body.optionalText("templateId");
        if (templateId.isEmpty()) {
            if (!body.textMap("variables").isEmpty()) {
                throw ProblemException.invalid("variables", "variables go with a templateId");
            }
            FieldProblems check = new FieldProblems();
            String prompt = check.read(() -> body.text("prompt", MAX_PROMPT_BYTES));
            Language language = check.read(() -> body.language("language"));
            Optional<String> model = check.read(() -> body.optionalText("model"));
            check.throwIfAny();
            return new GenerationRequest(prompt, language, model);
        }
        if (body.optionalText("prompt").isPresent()) {
            throw ProblemException.invalid("templateId", "give either a prompt or a templateId, not both");
        }
        UUID id;
        try {
            id = UUID.fromString(templateId.get().strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("templateId", "templateId '" + templateId.get() + "' is not a UUID");
        }
        return new TemplatedGenerationRequest(id, body.textMap("variables"), body.optionalLanguage("language"),
                body.optionalText("model"));
    }

    static CodeResource<ConversionRequest> conversions(CodeService<ConversionRequest> service, ObjectMapper json,
                                                       TokenCharge tokens) {
        return new CodeResource<>(service, Set.of("sourceCode", "fromLanguage", "toLanguage", "model"),
                CodeResource::conversion, json, tokens);
    }

    private static ConversionRequest conversion(JsonBody body) {
        FieldProblems check = new FieldProblems();
        String sourceCode = check.read(() -> body.text("sourceCode", JsonBody.MAX_BYTES));
        Language from = check.read(() -> body.language("fromLanguage"));
        Language to = check.read(() -> body.language("toLanguage"));
        Optional<String> model = check.read(() -> body.optionalText("model"));
        check.throwIfAny();
        return new ConversionRequest(sourceCode, from, to, model);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create).get("/", this::history);
    }

    private void create(ServerRequest req, ServerResponse res) {
        UUID caller = Caller.of(req);
        Q parsed = request.apply(JsonBody.read(req, json, fields));
        Outcome<?> outcome = service.create(caller, parsed);
        tokens.charge(req, outcome.tokens());
        reply.outcome(res, outcome);
    }

    private void history(ServerRequest req, ServerResponse res) {
        HistoryRequest history = HistoryRequest.of(req);
        reply.page(res, service.history(history.caller(), history.limit(), history.after()));
    }
}
