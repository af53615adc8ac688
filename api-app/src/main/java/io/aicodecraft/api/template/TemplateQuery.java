package io.aicodecraft.api.template;

import java.util.Optional;

/**
 * {@code GET /v1/templates}: optional full-text {@code text} (web-search syntax: words, "quoted phrases", or,
 * -excluded), optional exact {@code category}, and a page of {@code limit} hits after the {@code after} position.
 */
public record TemplateQuery(Optional<String> text, Optional<String> category, int limit, Optional<SearchCursor> after) {
    public TemplateQuery {
        category = category.map(TemplateDraft::normaliseCategory);
    }
}
