package io.aicodecraft.api.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.aicodecraft.api.config.DatabaseConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The PostgreSQL pool. Every store class goes through {@link #run} so that "the database is away" is
 * recognised in one place and becomes {@link DatabaseUnavailableException} (503), never a hang: HikariCP's
 * connectionTimeout bounds the wait for a connection, and once a request has found the server unreachable the
 * others are refused at once while one background thread waits for it to return.
 */
public final class Database implements AutoCloseable {
    /** Readiness answers within a kubelet probe's default one-second timeout. */
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(800);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final HikariDataSource pool;
    private final DatabaseOutage outage = new DatabaseOutage();
    private volatile boolean closed;

    public Database(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("aicc-db");
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMinimumIdle(config.poolMinIdle());
        hikari.setMaximumPoolSize(config.poolMaxSize());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setValidationTimeout(Math.min(config.connectionTimeout().toMillis(), 1000));
        // start even when PostgreSQL is not up yet: readiness says so, and the pool fills once it is
        hikari.setInitializationFailTimeout(-1);
        // a statement against a server that vanished mid-query must not wait for TCP keepalive
        hikari.addDataSourceProperty("socketTimeout", "30");
        hikari.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, config.connectionTimeout().toSeconds())));
        this.pool = new HikariDataSource(hikari);
    }

    public DataSource dataSource() {
        return pool;
    }

    public <T> T run(SqlWork<T> work) {
        Optional<DatabaseOutage.Known> known = outage.current();
        if (known.isPresent()) {
            throw new DatabaseUnavailableException(known.get().describe(), null);
        }
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            if (isUnreachable(e)) {
                if (outage.begin(e.getMessage())) {
                    LOG.warning("PostgreSQL is unreachable, requests are refused until it answers again: "
                            + e.getMessage());
                    Thread.ofVirtual().name("aicc-db-return").start(this::awaitReturn);
                }
                throw new DatabaseUnavailableException("PostgreSQL is unavailable: " + e.getMessage(), e);
            }
            if (e instanceof SQLTransientConnectionException) {
                // every connection busy: this request waited its time, the server itself answers
                throw new DatabaseUnavailableException("PostgreSQL is unavailable: " + e.getMessage(), e);
            }
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@code work} in one transaction, rolled back when it throws. HikariCP restores auto-commit when the
     * connection returns to the pool; the rollback's own failure (a broken connection) never hides the cause.
     */
    public <T> T transaction(SqlWork<T> work) {
        return run(connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        });
    }

    /** Within {@link #PROBE_TIMEOUT}, and at once while the server is known to be away. */
    public Probe probe() {
        Optional<DatabaseOutage.Known> known = outage.current();
        if (known.isPresent()) {
            return Probe.down(Duration.ZERO, known.get().describe());
        }
        long start = System.nanoTime();
        CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> run(connection -> connection.isValid(1)),
                runnable -> Thread.ofVirtual().name("aicc-db-probe").start(runnable));
        try {
            boolean valid = check.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            return valid ? Probe.up(latency) : Probe.down(latency, "PostgreSQL did not answer a validity check");
        } catch (TimeoutException e) {
            return Probe.down(Duration.ofNanos(System.nanoTime() - start),
                    "PostgreSQL gave no connection within " + PROBE_TIMEOUT.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Probe.down(Duration.ofNanos(System.nanoTime() - start), "PostgreSQL unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Probe.down(Duration.ofNanos(System.nanoTime() - start), "interrupted");
        }
    }

    /** Runs until a pooled connection answers again, then lets requests through. */
    private void awaitReturn() {
        while (!closed) {
            try (Connection connection = pool.getConnection()) {
                if (connection.isValid(1)) {
                    outage.end();
                    LOG.info("PostgreSQL answers again");
                    return;
                }
            } catch (SQLException e) {
                // still away; the pool keeps trying to open connections in the meantime
            }
            try {
                Thread.sleep(RETRY_PAUSE);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * SQLState class 08 is "connection exception", 57P0x is "the server is shutting down or restarting"; HikariCP
     * gives its timeout the state of the last failed connection attempt, and none when the pool was only busy.
     */
    private static boolean isUnreachable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }
}
