package io.aicodecraft.api.store;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * PostgreSQL known to be unreachable: since when and why. A request that finds the server away records it, so
 * that later requests are refused at once instead of each waiting for the pool's connection timeout; the first
 * to record it (and only that one) is told to start looking for the server's return.
 */
final class DatabaseOutage {
    record Known(Instant since, String reason) {
        String describe() {
            return "PostgreSQL is unavailable (unreachable since " + since + ": " + reason + ")";
        }
    }

    private final AtomicReference<Known> known = new AtomicReference<>();

    Optional<Known> current() {
        return Optional.ofNullable(known.get());
    }

    /** @return true when this call began the outage, false when it was already known */
    boolean begin(String reason) {
        return known.compareAndSet(null, new Known(Instant.now(), reason));
    }

    void end() {
        known.set(null);
    }
}
