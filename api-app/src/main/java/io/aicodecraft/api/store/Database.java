package io.aicodecraft.api.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.aicodecraft.api.config.DatabaseConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * The PostgreSQL pool. Every store class goes through {@link #run} so that "the database is away" is
 * recognised in one place and becomes {@link DatabaseUnavailableException} (503), never a hang: HikariCP's
 * connectionTimeout bounds the wait for a connection.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;

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
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            if (isUnavailable(e)) {
                throw new DatabaseUnavailableException("PostgreSQL is unavailable: " + e.getMessage(), e);
            }
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    public Probe probe() {
        long start = System.nanoTime();
        try {
            boolean valid = run(connection -> connection.isValid(1));
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            return valid ? Probe.up(latency) : Probe.down(latency, "PostgreSQL did not answer a validity check");
        } catch (RuntimeException e) {
            return Probe.down(Duration.ofNanos(System.nanoTime() - start), "PostgreSQL unreachable");
        }
    }

    /** SQLState class 08 is "connection exception", 57P0x is "the server is shutting down or restarting". */
    private static boolean isUnavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    @Override
    public void close() {
        pool.close();
    }
}
