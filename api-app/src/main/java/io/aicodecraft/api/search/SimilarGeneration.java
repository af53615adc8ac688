package io.aicodecraft.api.search;

import io.aicodecraft.api.ai.Language;

import java.time.Instant;
import java.util.UUID;

/** One of the caller's generations whose prompt is near the query text; distance and score as {@link SimilarTemplate}. */
public record SimilarGeneration(UUID id, String prompt, Language language, String model, String code,
                                Instant createdAt, double distance, double score) {
}
