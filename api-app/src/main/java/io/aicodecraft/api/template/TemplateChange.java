package io.aicodecraft.api.template;

import io.aicodecraft.api.ai.Language;

import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/templates/{id}/versions}: a new body, and whichever other fields change; the rest are carried
 * over from the latest version. Variables left out are the new body's placeholders.
 */
public record TemplateChange(String body, Optional<String> name, Optional<String> description,
                             Optional<String> category, Optional<Language> language,
                             Optional<List<String>> variables) {

    TemplateDraft applyTo(Template latest) {
        return TemplateDraft.of(name.orElse(latest.name()), description.orElse(latest.description()),
                category.orElse(latest.category()), language.orElse(latest.language()), body, variables);
    }
}
