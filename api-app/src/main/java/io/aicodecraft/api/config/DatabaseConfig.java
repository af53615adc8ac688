package io.aicodecraft.api.config;

import java.time.Duration;

/** PostgreSQL connection and HikariCP pool settings ({@code aicc.db.*}). */
public record DatabaseConfig(String url, String user, String password,
                             int poolMinIdle, int poolMaxSize, Duration connectionTimeout) {

    public DatabaseConfig {
        if (poolMaxSize < 1) {
            throw new IllegalArgumentException("aicc.db.pool.max.size must be at least 1");
        }
        if (poolMinIdle > poolMaxSize) {
            throw new IllegalArgumentException("aicc.db.pool.min.idle must not exceed aicc.db.pool.max.size");
        }
        if (connectionTimeout.toMillis() < 250) {
            // HikariCP's own floor; below it Hikari silently uses 30s, the opposite of what was asked
            throw new IllegalArgumentException("aicc.db.pool.connection.timeout must be at least 250ms");
        }
    }

    public static DatabaseConfig of(String url, String user, String password) {
        return new DatabaseConfig(url, user, password, 2, 10, Duration.ofSeconds(5));
    }

    /** {@code aicc.db.*} alone: what {@code migrate} needs, without the rest of the API's settings. */
    public static DatabaseConfig read(io.helidon.config.Config root) {
        return read(new ConfigReader(root.get("aicc.db")));
    }

    static DatabaseConfig read(ConfigReader db) {
        return new DatabaseConfig(
                db.required("url"),
                db.text("user", ""),
                db.text("password", ""),
                db.positiveInt("pool.min.idle", 2),
                db.positiveInt("pool.max.size", 10),
                db.duration("pool.connection.timeout", Duration.ofSeconds(5)));
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", pool=" + poolMinIdle + ".." + poolMaxSize
                + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
