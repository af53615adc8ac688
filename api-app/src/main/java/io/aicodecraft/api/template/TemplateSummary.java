package io.aicodecraft.api.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aicodecraft.api.ai.Language;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A search hit: the latest version of a template without its body. {@code score} is the full-text rank
 * (higher is better), absent when the search had no query text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateSummary(UUID id, int version, String name, String description, String category,
                              Language language, List<String> variables, Instant updatedAt, Float score) {
}
