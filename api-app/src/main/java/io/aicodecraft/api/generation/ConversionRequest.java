package io.aicodecraft.api.generation;

import io.aicodecraft.api.ai.Language;

import java.util.Optional;

/** {@code POST /v1/conversions}: which code to rewrite, from and to which language, optionally by which model. */
public record ConversionRequest(String sourceCode, Language fromLanguage, Language toLanguage, Optional<String> model) {
}
