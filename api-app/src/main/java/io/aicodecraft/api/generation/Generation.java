package io.aicodecraft.api.generation;

import io.aicodecraft.api.ai.Language;

import java.time.Instant;
import java.util.UUID;

/** One stored code generation (a row of {@code code_generations}). */
public record Generation(UUID id, String prompt, Language language, String model, String code, Instant createdAt) {
}
