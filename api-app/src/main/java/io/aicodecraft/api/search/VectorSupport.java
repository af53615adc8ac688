package io.aicodecraft.api.search;

import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.VectorSchema;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the database can do semantic search ({@link VectorSchema}), as the routes and the backfill ask it many
 * times a second: a found schema is remembered for good (migrations only ever add), a missing one is looked for
 * again after {@link #RECHECK}, so a {@code migrate} run once pgvector is installed turns search on without a restart.
 */
public final class VectorSupport {
    static final Duration RECHECK = Duration.ofSeconds(30);

    private final Database database;
    private final Clock clock;
    private volatile Optional<String> version = Optional.empty();
    private volatile Instant checkedAt = Instant.MIN;

    public VectorSupport(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** pgvector's version when search can run. */
    public Optional<String> version() {
        Optional<String> known = version;
        if (known.isPresent() || clock.instant().isBefore(checkedAt.plus(RECHECK))) {
            return known;
        }
        synchronized (this) {
            if (version.isEmpty() && !clock.instant().isBefore(checkedAt.plus(RECHECK))) {
                version = database.run(VectorSchema::version);
                checkedAt = clock.instant();
            }
            return version;
        }
    }

    /** Throws {@link SearchUnavailableException} unless search can run. */
    String require() {
        return version().orElseThrow(() -> new SearchUnavailableException(
                "semantic search needs the pgvector extension, which this API's PostgreSQL does not have; "
                        + "install pgvector on the server and run the migrate command again"));
    }
}
