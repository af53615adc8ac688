package io.aicodecraft.api.generation;

import io.aicodecraft.api.ai.Language;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A generation whose prompt is the latest version of template {@code templateId} rendered with {@code variables};
 * the language is the template's unless the request names another.
 */
public record TemplatedGenerationRequest(UUID templateId, Map<String, String> variables, Optional<Language> language,
                                         Optional<String> model) implements GenerationOrder {

    public TemplatedGenerationRequest {
        variables = Map.copyOf(variables);
    }
}
