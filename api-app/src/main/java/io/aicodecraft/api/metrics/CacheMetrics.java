package io.aicodecraft.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hits and misses of the Redis caches, per cache ({@code generation}, {@code conversion} ...), with the hit ratio
 * as a gauge so a dashboard needs no query to show it: {@code aicc_cache_hits_total}, {@code aicc_cache_misses_total},
 * {@code aicc_cache_hit_ratio}.
 */
public final class CacheMetrics {
    private final MeterRegistry registry;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    public CacheMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void hit(String cache) {
        tally(cache).hits().increment();
    }

    public void miss(String cache) {
        tally(cache).misses().increment();
    }

    private Tally tally(String cache) {
        return tallies.computeIfAbsent(cache, name -> {
            Tally tally = new Tally(
                    Counter.builder("aicc.cache.hits").tag("cache", name).description("cache lookups answered").register(registry),
                    Counter.builder("aicc.cache.misses").tag("cache", name).description("cache lookups missed").register(registry));
            Gauge.builder("aicc.cache.hit.ratio", tally, Tally::ratio).tag("cache", name)
                    .description("hits / (hits + misses) since start").register(registry);
            return tally;
        });
    }

    private record Tally(Counter hits, Counter misses) {
        double ratio() {
            double total = hits.count() + misses.count();
            return total == 0 ? 0 : hits.count() / total;
        }
    }
}
