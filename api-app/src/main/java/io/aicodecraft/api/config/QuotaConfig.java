package io.aicodecraft.api.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Key tiers and their quotas ({@code aicc.quota.*}). Built in: {@code standard} (the default: no daily quota, so an
 * upgrade refuses nothing that was served before tiers), {@code free}, {@code pro} and {@code enterprise};
 * {@code aicc.quota.tiers.<name>.requests.per.day}, {@code .tokens.per.day} and {@code .rate.per.minute} change a
 * built-in tier's limits or add a tier ({@code AICC_QUOTA_TIERS_PRO_REQUESTS_PER_DAY}). A key issued without a tier,
 * or made before tiers, has {@code defaultTier}. {@code flushInterval}: how often the day's counters go from Redis
 * to PostgreSQL.
 */
public record QuotaConfig(Map<String, Tier> tiers, String defaultTier, Duration flushInterval) {
    /** One config segment, so that a tier can be named by an environment variable. */
    static final Pattern TIER_NAME = Pattern.compile("[a-z][a-z0-9]{0,31}");
    static final String DEFAULT_TIER = "standard";
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(10);
    private static final Map<String, Tier> BUILT_IN = byName(
            // standard and free follow AICC_RATE_LIMIT_PER_MINUTE, the one budget every key had before tiers
            new Tier(DEFAULT_TIER, Optional.empty(), Tier.UNLIMITED, Tier.UNLIMITED),
            new Tier("free", Optional.empty(), 1_000, 200_000),
            new Tier("pro", Optional.of(600), 20_000, 5_000_000),
            new Tier("enterprise", Optional.of(3_000), 500_000, 100_000_000));

    public QuotaConfig {
        tiers = Map.copyOf(tiers);
        if (!tiers.containsKey(defaultTier)) {
            throw new IllegalArgumentException("aicc.quota.default.tier '" + defaultTier + "' is not a tier; tiers: "
                    + String.join(", ", tiers.keySet()));
        }
        if (flushInterval.toMillis() < 10) {
            throw new IllegalArgumentException("aicc.quota.flush.interval must be at least 10ms");
        }
    }

    public static QuotaConfig defaults() {
        return new QuotaConfig(BUILT_IN, DEFAULT_TIER, DEFAULT_FLUSH_INTERVAL);
    }

    public Optional<Tier> tier(String name) {
        return Optional.ofNullable(tiers.get(name));
    }

    /** The tier of a key: its own, or the default for a key without one or with a tier no longer configured. */
    public Tier tierOf(Optional<String> name) {
        return name.flatMap(this::tier).orElse(tiers.get(defaultTier));
    }

    public QuotaConfig withTier(Tier tier) {
        Map<String, Tier> all = new LinkedHashMap<>(tiers);
        all.put(tier.name(), tier);
        return new QuotaConfig(all, defaultTier, flushInterval);
    }

    public QuotaConfig withDefaultTier(String name) {
        return new QuotaConfig(tiers, name, flushInterval);
    }

    public QuotaConfig withFlushInterval(Duration interval) {
        return new QuotaConfig(tiers, defaultTier, interval);
    }

    static QuotaConfig read(ConfigReader quota) {
        Map<String, Tier> tiers = new LinkedHashMap<>(BUILT_IN);
        for (String name : quota.childNames("tiers")) {
            ConfigReader tier = quota.child("tiers." + name);
            Optional<Tier> builtIn = Optional.ofNullable(BUILT_IN.get(name));
            Optional<Integer> rate = tier.text("rate.per.minute").isPresent()
                    ? Optional.of(tier.positiveInt("rate.per.minute", 0))
                    : builtIn.flatMap(Tier::ratePerMinute);
            tiers.put(name, new Tier(name, rate,
                    perDay(tier, "requests.per.day", builtIn.map(Tier::requestsPerDay)),
                    perDay(tier, "tokens.per.day", builtIn.map(Tier::tokensPerDay))));
        }
        return new QuotaConfig(tiers, quota.text("default.tier", DEFAULT_TIER),
                quota.duration("flush.interval", DEFAULT_FLUSH_INTERVAL));
    }

    /** A per-day limit as configured, else the built-in tier's (which may be unlimited); a new tier must set it. */
    private static long perDay(ConfigReader tier, String key, Optional<Long> builtIn) {
        return tier.text(key).isPresent() || builtIn.isEmpty() ? tier.positiveInt(key, 0) : builtIn.get();
    }

    private static Map<String, Tier> byName(Tier... tiers) {
        Map<String, Tier> map = new LinkedHashMap<>();
        for (Tier tier : tiers) {
            map.put(tier.name(), tier);
        }
        return map;
    }
}
