package io.aicodecraft.operator.reconciler;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Repeats of one event on one stack, kept as client-go's event correlator keeps them: the same type, reason and
 * message within {@link #WINDOW} of the last one counts on the first Event (its count and last time) instead of
 * writing another Event, so a problem that comes back every reconcile is one object, not hundreds.
 */
final class EventSeries {
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int MAX_SERIES = 4096;

    /** What makes two events the same. */
    record Key(String namespace, String stackUid, boolean warning, String reason, String message) {
    }

    /** Write a new Event under {@code name}, or count another occurrence on the Event {@code name}. */
    sealed interface Next {
        String name();

        record Create(String name) implements Next {
        }

        record Repeat(String name, int count) implements Next {
        }
    }

    private record Seen(String name, int count, Instant last) {
    }

    private final Map<Key, Seen> series = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Seen> eldest) {
            return size() > MAX_SERIES;
        }
    };

    synchronized Next next(Key key, Instant now, Supplier<String> newName) {
        Seen seen = series.get(key);
        if (seen == null || Duration.between(seen.last(), now).compareTo(WINDOW) > 0) {
            String name = newName.get();
            series.put(key, new Seen(name, 1, now));
            return new Next.Create(name);
        }
        Seen repeated = new Seen(seen.name(), seen.count() + 1, now);
        series.put(key, repeated);
        return new Next.Repeat(repeated.name(), repeated.count());
    }

    /** The Event of {@code key} is gone (the API server expires Events): the next one starts a new series. */
    synchronized void forget(Key key) {
        series.remove(key);
    }
}
