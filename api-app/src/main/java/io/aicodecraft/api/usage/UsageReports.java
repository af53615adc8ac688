package io.aicodecraft.api.usage;

import io.aicodecraft.api.auth.DayCount;
import io.aicodecraft.api.config.Tier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Usage reports: today from Redis, live, and the days before from PostgreSQL. Today's count of each route is the
 * larger of Redis's and PostgreSQL's last copy, so a report never goes back after a Redis restart (the quota
 * itself starts again with the empty counters) and shows the last copy while Redis is away.
 */
public final class UsageReports {
    /** Days reported before today. */
    static final int HISTORY_DAYS = 30;

    private final UsageCounters counters;
    private final UsageStore store;
    private final int defaultRatePerMinute;
    private final Clock clock;

    public UsageReports(UsageCounters counters, UsageStore store, int defaultRatePerMinute, Clock clock) {
        this.counters = counters;
        this.store = store;
        this.defaultRatePerMinute = defaultRatePerMinute;
        this.clock = clock;
    }

    /** A report for each key, given with its tier, in the order given. */
    public List<KeyUsage> of(Map<UUID, Tier> keys) {
        List<UUID> ids = List.copyOf(keys.keySet());
        if (ids.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<UUID, Map<String, RouteUsage>> live = counters.read(ids, today).orElse(Map.of());
        Map<UUID, Map<LocalDate, Map<String, RouteUsage>>> stored = store.read(ids, today.minusDays(HISTORY_DAYS), today);
        return ids.stream().map(id -> report(id, keys.get(id), today, live.getOrDefault(id, Map.of()),
                stored.getOrDefault(id, Map.of()))).toList();
    }

    private KeyUsage report(UUID id, Tier tier, LocalDate today, Map<String, RouteUsage> live,
                            Map<LocalDate, Map<String, RouteUsage>> stored) {
        Map<String, RouteUsage> routes = new HashMap<>(stored.getOrDefault(today, Map.of()));
        live.forEach((route, usage) -> routes.merge(route, usage, RouteUsage::max));
        DayUsage day = DayUsage.of(today, routes.values());
        List<DayUsage> days = stored.entrySet().stream().filter(e -> e.getKey().isBefore(today))
                .map(e -> DayUsage.of(e.getKey(), e.getValue().values())).toList();
        return new KeyUsage(id, new KeyUsage.Limits(tier.name(), tier.ratePerMinute(defaultRatePerMinute),
                Tier.shown(tier.requestsPerDay()), Tier.shown(tier.tokensPerDay())), day,
                remaining(tier.requestsPerDay(), day.requests()), remaining(tier.tokensPerDay(), day.tokens()),
                DayCount.resetOf(today), days);
    }

    private static Long remaining(long perDay, long used) {
        return perDay == Tier.UNLIMITED ? null : Math.max(0, perDay - used);
    }
}
