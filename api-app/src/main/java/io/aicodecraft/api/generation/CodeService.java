package io.aicodecraft.api.generation;

import java.util.Optional;
import java.util.UUID;

/** What the HTTP layer needs of generations and of conversions: create one, list the caller's. */
public interface CodeService<Q> {

    Outcome<?> create(UUID user, Q request);

    Page<?> history(UUID user, int limit, Optional<Cursor> after);
}
