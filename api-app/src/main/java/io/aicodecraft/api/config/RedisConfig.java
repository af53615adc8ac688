package io.aicodecraft.api.config;

import java.net.URI;
import java.nio.file.Path;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Redis address ({@code redis://[:password@]host:port[/db]}, {@code rediss://} for TLS), password and Jedis pool
 * settings ({@code aicc.redis.*}). A password set on its own ({@code aicc.redis.password}) wins over one in the URL.
 */
public record RedisConfig(String host, int port, int database, Optional<String> password,
                          int poolMaxTotal, int poolMaxIdle, Duration timeout, boolean tls, Optional<Path> caFile) {

    /** Short on purpose: a dead Redis must cost a request milliseconds, never seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

    public RedisConfig {
        if (poolMaxTotal < 1) {
            throw new IllegalArgumentException("aicc.redis.pool.max.total must be at least 1");
        }
        if (caFile.isPresent() && !tls) {
            throw new IllegalArgumentException("aicc.redis.ca.file (AICC_REDIS_CA_FILE) is the CA of a Redis over TLS:"
                    + " its URL must be rediss://");
        }
    }

    /** With the JVM's trust for TLS. */
    public RedisConfig(String host, int port, int database, Optional<String> password, int poolMaxTotal,
                       int poolMaxIdle, Duration timeout, boolean tls) {
        this(host, port, database, password, poolMaxTotal, poolMaxIdle, timeout, tls, Optional.empty());
    }

    /** Without TLS. */
    public RedisConfig(String host, int port, int database, Optional<String> password, int poolMaxTotal,
                       int poolMaxIdle, Duration timeout) {
        this(host, port, database, password, poolMaxTotal, poolMaxIdle, timeout, false);
    }

    public static RedisConfig of(String url) {
        return fromUrl(url, Optional.empty(), 16, 8, DEFAULT_TIMEOUT);
    }

    static RedisConfig read(ConfigReader redis) {
        RedisConfig config = fromUrl(redis.required("url"), redis.text("password"),
                redis.positiveInt("pool.max.total", 16), redis.positiveInt("pool.max.idle", 8),
                redis.duration("timeout", DEFAULT_TIMEOUT));
        return redis.text("ca.file").map(Path::of).map(config::withCaFile).orElse(config);
    }

    /** Trusting only the CA of {@code pem} over TLS. */
    public RedisConfig withCaFile(Path pem) {
        return new RedisConfig(host, port, database, password, poolMaxTotal, poolMaxIdle, timeout, tls, Optional.of(pem));
    }

    private static RedisConfig fromUrl(String url, Optional<String> password, int maxTotal, int maxIdle,
                                       Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw invalidUrl(url);
        }
        boolean tls = "rediss".equals(uri.getScheme());
        if (!tls && !"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw invalidUrl(url);
        }
        // redis://:password@host or redis://user:password@host; Redis before ACLs has no user
        String userInfo = uri.getRawUserInfo();
        Optional<String> inUrl = userInfo == null || userInfo.isEmpty() ? Optional.empty()
                : Optional.of(URLDecoder.decode(userInfo.substring(userInfo.indexOf(':') + 1), StandardCharsets.UTF_8))
                        .filter(text -> !text.isEmpty());
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        int database;
        try {
            database = path.isEmpty() ? 0 : Integer.parseInt(path);
        } catch (NumberFormatException e) {
            throw invalidUrl(url);
        }
        return new RedisConfig(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), database,
                password.or(() -> inUrl), maxTotal, maxIdle, timeout, tls);
    }

    private static IllegalArgumentException invalidUrl(String url) {
        return new IllegalArgumentException(
                "aicc.redis.url (AICC_REDIS_URL) '" + redacted(url) + "' is not of the form redis[s]://[:password@]host:port[/db]");
    }

    /** A URL for a message: its password, if it has one, is not repeated. */
    private static String redacted(String url) {
        return url.replaceFirst("//[^@/]*@", "//***@");
    }

    @Override
    public String toString() {
        return "RedisConfig[" + (tls ? "tls " : "") + host + ":" + port + "/" + database + ", password=" + (password.isPresent() ? "***" : "none")
                + ", pool=" + poolMaxIdle + "/" + poolMaxTotal + ", timeout=" + timeout
                + caFile.map(ca -> ", ca=" + ca).orElse("") + "]";
    }
}
