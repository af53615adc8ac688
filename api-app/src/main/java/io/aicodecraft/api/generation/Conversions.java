package io.aicodecraft.api.generation;

import io.aicodecraft.api.ai.CodeModel;
import io.aicodecraft.api.ai.CodeTask;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Code conversion: the model's code from the cache or the model, and a row in the caller's history for each. */
public final class Conversions implements CodeService<ConversionRequest> {
    private static final Pattern OUTER_BLANK_LINES = Pattern.compile("^\n+|\n+$");

    private final CodeModel codeModel;
    private final ConversionStore store;
    private final CacheAside cache;

    public Conversions(CodeModel codeModel, ConversionStore store, CacheAside cache) {
        this.codeModel = codeModel;
        this.store = store;
        this.cache = cache;
    }

    @Override
    public Outcome<Conversion> create(UUID user, ConversionRequest request) {
        String model = codeModel.choose(request.model());
        // indentation matters in source code; only line endings and trailing blanks do not
        String source = OUTER_BLANK_LINES.matcher(request.sourceCode().lines().map(String::stripTrailing)
                .collect(Collectors.joining("\n"))).replaceAll("");
        String normalised = String.join("\n", model, request.fromLanguage().id(), request.toLanguage().id(), source);
        Outcome<String> code = cache.code("conversion", normalised, () -> codeModel.complete(model,
                new CodeTask.Convert(request.sourceCode(), request.fromLanguage(), request.toLanguage())));
        return code.with(store.insert(user, request, model, code.result()));
    }

    @Override
    public Page<Conversion> history(UUID user, int limit, Optional<Cursor> after) {
        return store.history(user, limit, after);
    }
}
