package io.aicodecraft.api.generation;

import io.aicodecraft.api.ai.Language;

import java.util.Optional;

/** {@code POST /v1/generations}: what to write, in which language, optionally by which model. */
public record GenerationRequest(String prompt, Language language, Optional<String> model) implements GenerationOrder {
}
