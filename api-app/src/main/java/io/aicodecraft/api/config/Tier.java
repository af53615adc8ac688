package io.aicodecraft.api.config;

import java.util.Optional;

/**
 * What a key of one tier may spend: requests per minute (the rate limit), and requests and model tokens per UTC day
 * (the quota). {@code ratePerMinute} empty: the tier follows {@code AICC_RATE_LIMIT_PER_MINUTE}, as keys did before
 * tiers. A per-day limit of {@link #UNLIMITED} is no quota on that count.
 */
public record Tier(String name, Optional<Integer> ratePerMinute, long requestsPerDay, long tokensPerDay) {

    /** No daily quota: the built-in default tier, so that keys keep the one budget they had before tiers. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    public Tier {
        if (!QuotaConfig.TIER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tier name '" + name + "' must be lowercase letters and digits");
        }
        if (ratePerMinute.isPresent() && ratePerMinute.get() < 1 || requestsPerDay < 1 || tokensPerDay < 1) {
            throw new IllegalArgumentException("tier " + name + ": every limit must be at least 1");
        }
    }

    /** A per-day limit as a report shows it: null when there is none. */
    public static Long shown(long perDay) {
        return perDay == UNLIMITED ? null : perDay;
    }

    /** Requests per minute, {@code fallback} (the global rate limit) when the tier sets none. */
    public int ratePerMinute(int fallback) {
        return ratePerMinute.orElse(fallback);
    }
}
