package io.aicodecraft.api.template;

import java.util.List;
import java.util.OptionalInt;

/** One page of search hits, best first, and the offset of the next page if there is one. */
public record TemplatePage(List<TemplateSummary> items, OptionalInt nextOffset) {
}
