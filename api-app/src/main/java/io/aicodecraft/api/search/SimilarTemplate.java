package io.aicodecraft.api.search;

import io.aicodecraft.api.ai.Language;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A template near the query text: its latest version without the body, the cosine {@code distance} of its
 * embedding to the text's (0 same meaning, 2 opposite) and {@code score} = 1 - distance, the cosine similarity.
 */
public record SimilarTemplate(UUID id, int version, String name, String description, String category,
                              Language language, List<String> variables, Instant updatedAt, double distance,
                              double score) {
}
