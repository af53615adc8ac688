package io.aicodecraft.api.generation;

/** What {@code POST /v1/generations} asks for: code from a prompt, or from a template and its variables. */
public sealed interface GenerationOrder permits GenerationRequest, TemplatedGenerationRequest {
}
