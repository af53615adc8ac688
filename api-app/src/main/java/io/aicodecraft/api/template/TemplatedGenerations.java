package io.aicodecraft.api.template;

import io.aicodecraft.api.ai.ModelFailureException;
import io.aicodecraft.api.generation.CodeService;
import io.aicodecraft.api.generation.Cursor;
import io.aicodecraft.api.generation.GenerationOrder;
import io.aicodecraft.api.generation.GenerationRequest;
import io.aicodecraft.api.generation.Generations;
import io.aicodecraft.api.generation.Outcome;
import io.aicodecraft.api.generation.Page;
import io.aicodecraft.api.generation.TemplatedGenerationRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Generations from a prompt or from a template. A template is rendered into the prompt, and each generation made
 * from it is recorded as a use: a success when the model (or the cache) answered, a failure when the model
 * failed. Requests refused before the model is asked (bad variables, an unknown model) are not uses.
 */
public final class TemplatedGenerations implements CodeService<GenerationOrder> {
    private final Generations generations;
    private final TemplateLibrary library;
    private final int maxPromptBytes;

    public TemplatedGenerations(Generations generations, TemplateLibrary library, int maxPromptBytes) {
        this.generations = generations;
        this.library = library;
        this.maxPromptBytes = maxPromptBytes;
    }

    @Override
    public Outcome<?> create(UUID user, GenerationOrder order) {
        return switch (order) {
            case GenerationRequest request -> generations.create(user, request);
            case TemplatedGenerationRequest request -> fromTemplate(user, request);
        };
    }

    @Override
    public Page<?> history(UUID user, int limit, Optional<Cursor> after) {
        return generations.history(user, limit, after);
    }

    private Outcome<?> fromTemplate(UUID user, TemplatedGenerationRequest request) {
        Template template = library.read(request.templateId(), Optional.empty());
        String prompt = template.render(request.variables());
        TemplateDraft.refuseNul("variables", prompt);
        if (prompt.getBytes(StandardCharsets.UTF_8).length > maxPromptBytes) {
            throw new InvalidTemplateException("variables",
                    "the rendered template is longer than a prompt may be (" + maxPromptBytes + " bytes)");
        }
        GenerationRequest generation = new GenerationRequest(prompt, request.language().orElse(template.language()),
                request.model());
        long start = System.nanoTime();
        try {
            Outcome<?> outcome = generations.create(user, generation);
            library.recordUse(template, user, true, Duration.ofNanos(System.nanoTime() - start));
            return outcome;
        } catch (ModelFailureException e) {
            library.recordUse(template, user, false, Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
    }
}
