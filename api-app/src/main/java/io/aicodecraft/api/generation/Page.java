package io.aicodecraft.api.generation;

import java.util.List;
import java.util.Optional;

/** One page of a caller's history, newest first, and where the next page starts if there is one. */
public record Page<T>(List<T> items, Optional<Cursor> next) {
}
