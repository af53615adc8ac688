package io.aicodecraft.api.chain;

import io.aicodecraft.api.generation.Cursor;
import io.aicodecraft.api.generation.Page;
import io.aicodecraft.api.store.DatabaseUnavailableException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Task chains: accepted into PostgreSQL and the Redis queue, read back from Redis while they run and from
 * PostgreSQL once Redis no longer has them. A chain is its submitter's: others are told it does not exist.
 */
public final class Chains {
    private static final Logger LOG = Logger.getLogger(Chains.class.getName());

    private final ChainQueue queue;
    private final ChainStore store;

    public Chains(ChainQueue queue, ChainStore store) {
        this.queue = queue;
        this.store = store;
    }

    /** Records the chain, then queues it; a queue that cannot take it fails the recorded chain at once. */
    public ChainView submit(UUID owner, ChainSpec spec) {
        ChainView chain = new ChainView(UUID.randomUUID(), owner, ChainStatus.RUNNING, null, now(), null,
                spec.tasks().stream().map(TaskView::submitted).toList());
        store.save(chain);
        try {
            queue.submit(chain, spec);
        } catch (QueueUnavailableException e) {
            store.save(failed(chain, "the chain queue (Redis) was unavailable when the chain was submitted"));
            throw e;
        }
        return chain;
    }

    /** The caller's chain: live from Redis, else as PostgreSQL kept it; empty for an unknown or foreign id. */
    public Optional<ChainView> find(UUID caller, UUID id) {
        Optional<ChainView> live;
        try {
            live = queue.find(id);
        } catch (QueueUnavailableException e) {
            return store.find(id).filter(chain -> chain.owner().equals(caller));
        }
        if (live.isPresent()) {
            if (!live.get().owner().equals(caller)) {
                return Optional.empty();
            }
            if (live.get().finished() && !queue.persisted(id)) {
                persistQuietly(live.get());
            }
            return live;
        }
        return store.find(id).filter(chain -> chain.owner().equals(caller)).map(this::failIfLost);
    }

    /**
     * The caller's chains, newest first, from PostgreSQL; one that PostgreSQL still has as running is shown as
     * Redis has it, so that a chain that finished during a PostgreSQL outage does not look as if it still ran.
     */
    public Page<ChainSummary> list(UUID caller, int limit, Optional<Cursor> after) {
        Page<ChainSummary> stored = store.page(caller, limit, after);
        return new Page<>(stored.items().stream().map(this::live).toList(), stored.next());
    }

    private ChainSummary live(ChainSummary stored) {
        if (stored.finished()) {
            return stored;
        }
        try {
            return queue.find(stored.id()).map(ChainSummary::of).orElse(stored);
        } catch (QueueUnavailableException e) {
            return stored;
        }
    }

    /** Keeps a chain that has just finished in PostgreSQL; a worker calls it after the chain's last step. */
    public void finished(UUID id) {
        queue.find(id).filter(ChainView::finished).ifPresent(this::persistQuietly);
    }

    /**
     * Writes a finished chain to PostgreSQL and notes that in Redis. A PostgreSQL outage leaves the note unwritten,
     * so the next read of the chain (while Redis still has it) writes it.
     */
    private void persistQuietly(ChainView chain) {
        try {
            store.save(chain);
            queue.markPersisted(chain.id());
        } catch (DatabaseUnavailableException e) {
            LOG.log(Level.WARNING, "finished chain " + chain.id() + " not yet kept in PostgreSQL: " + e.getMessage());
        }
    }

    /** Redis answers but has no state for a chain PostgreSQL says is running: Redis lost it or it expired. */
    private ChainView failIfLost(ChainView stored) {
        if (stored.finished()) {
            return stored;
        }
        ChainView lost = failed(stored, "the chain's state in Redis was lost (Redis restarted or the state expired)"
                + " before it finished");
        store.save(lost);
        return lost;
    }

    private static ChainView failed(ChainView chain, String reason) {
        return new ChainView(chain.id(), chain.owner(), ChainStatus.FAILED, reason, chain.createdAt(), now(),
                chain.tasks());
    }

    /** Redis keeps times in milliseconds: so does PostgreSQL here, and a chain reads the same from either. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
