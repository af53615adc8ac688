package io.aicodecraft.api.template;

import java.util.List;
import java.util.Optional;

/** One page of search hits, best first, and where the next page starts if there is one. */
public record TemplatePage(List<TemplateSummary> items, Optional<SearchCursor> next) {
}
