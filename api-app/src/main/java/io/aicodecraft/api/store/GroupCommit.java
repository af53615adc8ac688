package io.aicodecraft.api.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit: the writes of many callers in one transaction. {@link #run} returns when the transaction that
 * holds its write has committed, so a caller is answered only after its row is durable, while a burst of callers
 * shares one connection and one commit instead of paying for one each. Writes that arrive while a transaction
 * commits go into the next one. When a transaction fails for a reason other than the database being away, its
 * writes are run again one by one, so that one bad write fails only its own caller.
 */
public final class GroupCommit implements AutoCloseable {
    private record Pending<T>(SqlWork<T> work, CompletableFuture<T> done) {
        void complete(Object result) {
            @SuppressWarnings("unchecked") T value = (T) result;
            done.complete(value);
        }
    }

    private final Database database;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param maxBatch the most writes in one transaction
     * @param committers transactions in flight at once: while one waits for its commit, the next one fills
     */
    public GroupCommit(Database database, int maxBatch, int committers) {
        if (maxBatch < 1 || committers < 1) {
            throw new IllegalArgumentException("a batch holds at least one write, and one committer runs at least");
        }
        this.database = database;
        this.maxBatch = maxBatch;
        for (int i = 0; i < committers; i++) {
            this.committers.add(Thread.ofPlatform().daemon().name("aicc-group-commit-" + i).start(this::commitLoop));
        }
    }

    /** Runs {@code work} in a shared transaction; throws what {@link Database#transaction} would. */
    public <T> T run(SqlWork<T> work) {
        if (closed) {
            throw new IllegalStateException("the group commit is closed");
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        queue.add(new Pending<>(work, done));
        try {
            return done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void commitLoop() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending<?>> batch) {
        List<Object> results;
        try {
            results = database.transaction(connection -> runAll(connection, batch));
        } catch (DatabaseUnavailableException e) {
            batch.forEach(pending -> pending.done().completeExceptionally(e));
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(e);
            } else {
                batch.forEach(pending -> commit(List.of(pending)));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(results.get(i));
        }
    }

    private static List<Object> runAll(Connection connection, List<Pending<?>> batch) throws SQLException {
        List<Object> results = new ArrayList<>(batch.size());
        for (Pending<?> pending : batch) {
            results.add(pending.work().run(connection));
        }
        return results;
    }

    /** Commits what is queued, then stops; a write that raced with closing is refused, never left waiting. */
    @Override
    public void close() {
        closed = true;
        try {
            for (Thread committer : committers) {
                committer.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending<?> late = queue.poll(); late != null; late = queue.poll()) {
            late.done().completeExceptionally(new IllegalStateException("the group commit is closed"));
        }
    }
}
