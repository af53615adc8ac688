package io.aicodecraft.api.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.aicodecraft.api.auth.KeyCache;
import io.aicodecraft.api.store.RedisCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.commons.pool2.impl.GenericObjectPool;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * The API's meters, exposed at {@code /metrics} in the Prometheus text format. Parts of the API that measure
 * something take {@link #registry()} in their constructor and register their own meters on it (as the chain
 * workers do with queue depth and task duration); nothing here is global.
 */
public final class ApiMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** With the JVM's own meters: heap and other memory, garbage collection, threads, classes, CPU, uptime. */
    public ApiMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The registry's meters in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** HikariCP's own meters ({@code hikaricp_connections_active}, {@code _idle}, {@code _pending} ...). */
    public void bindDatabasePool(DataSource dataSource) {
        try {
            dataSource.unwrap(HikariDataSource.class).setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        } catch (SQLException e) {
            throw new IllegalArgumentException("the database pool is not HikariCP", e);
        }
    }

    /** Hits and misses of the in-process key cache, and whether it is trusted (its revocation feed connected). */
    public void bindKeyCache(KeyCache keys) {
        CaffeineCacheMetrics.monitor(registry, keys.entries(), "api-keys");
        Gauge.builder("aicc.key.cache.trusted", keys, k -> k.trusted() ? 1 : 0)
                .description("1 while key revocations arrive from Redis and the key cache is used").register(registry);
    }

    /** The Jedis pool's connections: borrowed, idle, and threads waiting for one. */
    public void bindRedisPool(RedisCache redis) {
        GenericObjectPool<?> pool = redis.pool();
        Gauge.builder("aicc.redis.pool.active", pool, GenericObjectPool::getNumActive)
                .description("Redis connections in use").register(registry);
        Gauge.builder("aicc.redis.pool.idle", pool, GenericObjectPool::getNumIdle)
                .description("Redis connections idle in the pool").register(registry);
        Gauge.builder("aicc.redis.pool.waiting", pool, GenericObjectPool::getNumWaiters)
                .description("threads waiting for a Redis connection").register(registry);
    }
}
