package io.aicodecraft.api.store;

import io.aicodecraft.api.config.RedisConfig;
import org.apache.commons.pool2.impl.GenericObjectPool;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import javax.net.ssl.SSLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A best-effort string cache in Redis. Redis being away is not an error for callers: reads miss and writes
 * are dropped. After a failure the cache is skipped for {@link #BACKOFF} so that a dead Redis costs one
 * timeout per interval rather than one per request; the next attempt after that finds it again by itself.
 */
public final class RedisCache implements AutoCloseable {
    static final Duration BACKOFF = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(RedisCache.class.getName());

    private final JedisPooled redis;
    private final AtomicLong skipUntilNanos = new AtomicLong(System.nanoTime());

    public RedisCache(RedisConfig config) {
        int timeoutMillis = (int) config.timeout().toMillis();
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .database(config.database())
                .clientName("aicc-api");
        config.password().ifPresent(client::password);
        RedisTls.apply(client, config);
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(config.poolMaxTotal());
        pool.setMaxIdle(config.poolMaxIdle());
        pool.setMinIdle(0);
        pool.setMaxWait(config.timeout());
        pool.setTestWhileIdle(false);
        pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
        this.redis = new JedisPooled(new HostAndPort(config.host(), config.port()), client.build(), pool);
    }

    public Optional<String> get(String key) {
        if (skipping()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(redis.get(key));
        } catch (JedisException e) {
            failed(e);
            return Optional.empty();
        }
    }

    public void put(String key, String value, Duration ttl) {
        if (skipping()) {
            return;
        }
        try {
            redis.setex(key, ttl.toSeconds(), value);
        } catch (JedisException e) {
            failed(e);
        }
    }

    /**
     * Runs other work on Redis (the rate limiter's script) under the same rule as the cache: empty when Redis is
     * away or known to be away, and the caller decides what that means.
     */
    public <T> Optional<T> attempt(Function<UnifiedJedis, T> work) {
        if (skipping()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.apply(redis));
        } catch (JedisException e) {
            failed(e);
            return Optional.empty();
        }
    }

    /** The connection pool, for its metrics (active, idle, waiting). */
    public GenericObjectPool<?> pool() {
        return redis.getPool();
    }

    /** Always asks Redis, whatever the backoff says: readiness must see a recovery at once. */
    public Probe probe() {
        long start = System.nanoTime();
        try {
            redis.ping();
            skipUntilNanos.set(System.nanoTime());
            return Probe.up(Duration.ofNanos(System.nanoTime() - start));
        } catch (JedisException e) {
            return Probe.down(Duration.ofNanos(System.nanoTime() - start), unreachable(e));
        }
    }

    /** A refused certificate says so: its fix is a setting, not a restart of Redis. */
    private static String unreachable(JedisException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException tls) {
                return "Redis unreachable: TLS failed (" + tls.getMessage()
                        + "); is its CA aicc.redis.ca.file (AICC_REDIS_CA_FILE)?";
            }
        }
        return "Redis unreachable";
    }

    private boolean skipping() {
        return System.nanoTime() - skipUntilNanos.get() < 0;
    }

    private void failed(JedisException e) {
        long until = System.nanoTime() + BACKOFF.toNanos();
        long previous = skipUntilNanos.getAndSet(until);
        if (System.nanoTime() - previous >= 0) {
            LOG.log(Level.WARNING, "Redis unavailable, serving without cache for " + BACKOFF.toMillis() + " ms: "
                    + e.getMessage());
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
