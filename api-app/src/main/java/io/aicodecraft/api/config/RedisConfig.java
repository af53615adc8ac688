package io.aicodecraft.api.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Redis address ({@code redis://host:port[/db]}), password and Jedis pool settings ({@code aicc.redis.*}). */
public record RedisConfig(String host, int port, int database, Optional<String> password,
                          int poolMaxTotal, int poolMaxIdle, Duration timeout) {

    /** Short on purpose: a dead Redis must cost a request milliseconds, never seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

    public RedisConfig {
        if (poolMaxTotal < 1) {
            throw new IllegalArgumentException("aicc.redis.pool.max.total must be at least 1");
        }
    }

    public static RedisConfig of(String url) {
        return fromUrl(url, Optional.empty(), 16, 8, DEFAULT_TIMEOUT);
    }

    static RedisConfig read(ConfigReader redis) {
        return fromUrl(redis.required("url"), redis.text("password"),
                redis.positiveInt("pool.max.total", 16), redis.positiveInt("pool.max.idle", 8),
                redis.duration("timeout", DEFAULT_TIMEOUT));
    }

    private static RedisConfig fromUrl(String url, Optional<String> password, int maxTotal, int maxIdle,
                                       Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw invalidUrl(url);
        }
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw invalidUrl(url);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        int database;
        try {
            database = path.isEmpty() ? 0 : Integer.parseInt(path);
        } catch (NumberFormatException e) {
            throw invalidUrl(url);
        }
        return new RedisConfig(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), database, password,
                maxTotal, maxIdle, timeout);
    }

    private static IllegalArgumentException invalidUrl(String url) {
        return new IllegalArgumentException(
                "aicc.redis.url (AICC_REDIS_URL) '" + url + "' is not of the form redis://host:port[/db]");
    }

    @Override
    public String toString() {
        return "RedisConfig[" + host + ":" + port + "/" + database + ", password=" + (password.isPresent() ? "***" : "none")
                + ", pool=" + poolMaxIdle + "/" + poolMaxTotal + ", timeout=" + timeout + "]";
    }
}
