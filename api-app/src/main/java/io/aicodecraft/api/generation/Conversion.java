package io.aicodecraft.api.generation;

import io.aicodecraft.api.ai.Language;

import java.time.Instant;
import java.util.UUID;

/** One stored code conversion (a row of {@code code_conversions}). */
public record Conversion(UUID id, String sourceCode, Language fromLanguage, Language toLanguage, String model,
                         String code, Instant createdAt) {
}
