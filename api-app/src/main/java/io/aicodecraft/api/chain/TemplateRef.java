package io.aicodecraft.api.chain;

import java.util.UUID;

/** The template version a task's prompt was rendered from at submission. */
public record TemplateRef(UUID id, int version) {
}
