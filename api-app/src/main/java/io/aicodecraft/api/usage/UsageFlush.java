package io.aicodecraft.api.usage;

import io.aicodecraft.api.store.DatabaseUnavailableException;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies the day's counters of the keys this instance counted requests for from Redis to PostgreSQL, every
 * {@code interval} and once more at close. A request costs only its key's entry in a set here, never a write to
 * PostgreSQL, so the cached path stays as fast as it was. A key whose copy fails (Redis or PostgreSQL away) stays in
 * the set for the next round.
 */
public final class UsageFlush implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(UsageFlush.class.getName());

    private final UsageCounters counters;
    private final UsageStore store;
    private final Duration interval;
    private final Set<KeyDay> touched = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;

    public UsageFlush(UsageCounters counters, UsageStore store, Duration interval) {
        this.counters = counters;
        this.store = store;
        this.interval = interval;
        this.thread = Thread.ofPlatform().daemon().name("aicc-usage-flush").start(this::loop);
    }

    /** The key's counters of {@code day} changed. */
    public void touched(UUID keyId, LocalDate day) {
        touched.add(new KeyDay(keyId, day));
    }

    /** Copies what changed since the last flush; false when something is left for the next one. */
    public boolean flush() {
        List<KeyDay> pending = new ArrayList<>(touched);
        touched.removeAll(pending);
        Map<LocalDate, List<UUID>> byDay = new HashMap<>();
        pending.forEach(keyDay -> byDay.computeIfAbsent(keyDay.day(), day -> new ArrayList<>()).add(keyDay.keyId()));
        Map<KeyDay, Map<String, RouteUsage>> copies = new HashMap<>();
        for (Map.Entry<LocalDate, List<UUID>> day : byDay.entrySet()) {
            Optional<Map<UUID, Map<String, RouteUsage>>> live = counters.read(day.getValue(), day.getKey());
            if (live.isEmpty()) {
                pending.forEach(touched::add);
                return false;
            }
            live.get().forEach((keyId, routes) -> copies.put(new KeyDay(keyId, day.getKey()), routes));
        }
        if (copies.isEmpty()) {
            return true;
        }
        try {
            store.save(copies);
            return true;
        } catch (DatabaseUnavailableException | IllegalStateException e) {
            LOG.log(Level.WARNING, "daily usage not copied to PostgreSQL, retrying in " + interval.toMillis()
                    + " ms: " + e.getMessage());
            pending.forEach(touched::add);
            return false;
        }
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            flush();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
