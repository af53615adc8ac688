package io.aicodecraft.api.generation;

import io.aicodecraft.api.ai.CodeModel;
import io.aicodecraft.api.ai.CodeTask;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Code generation: the model's code from the cache or the model, and a row in the caller's history for each. */
public final class Generations implements CodeService<GenerationRequest> {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final CodeModel codeModel;
    private final GenerationStore store;
    private final CacheAside cache;

    public Generations(CodeModel codeModel, GenerationStore store, CacheAside cache) {
        this.codeModel = codeModel;
        this.store = store;
        this.cache = cache;
    }

    @Override
    public Outcome<Generation> create(UUID user, GenerationRequest request) {
        String model = codeModel.choose(request.model());
        Outcome<String> code = code(model, request);
        return code.with(store.insert(user, request, model, code.result()));
    }

    /** The code alone, for a chain's task: the chain records it, not the caller's generation history. */
    public String code(GenerationRequest request) {
        return code(codeModel.choose(request.model()), request).result();
    }

    private Outcome<String> code(String model, GenerationRequest request) {
        // prompts that differ only in spacing ask the same thing
        String normalised = String.join("\n", model, request.language().id(),
                WHITESPACE.matcher(request.prompt().strip()).replaceAll(" "));
        return cache.code("generation", normalised,
                () -> codeModel.complete(model, new CodeTask.Generate(request.prompt(), request.language())));
    }

    @Override
    public Page<Generation> history(UUID user, int limit, Optional<Cursor> after) {
        return store.history(user, limit, after);
    }
}
