package io.aicodecraft.api.template;

import io.aicodecraft.api.ai.Language;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One version of a template as clients read it; {@code createdAt} is when this version was written. */
public record Template(UUID id, int version, UUID owner, String name, String description, String category,
                       Language language, String body, List<String> variables, Instant createdAt) {

    public Template {
        variables = List.copyOf(variables);
    }

    /** The body with {@code values} filled in; see {@link TemplateText#render}. */
    public String render(Map<String, String> values) {
        return new TemplateText(body).render(values);
    }
}
