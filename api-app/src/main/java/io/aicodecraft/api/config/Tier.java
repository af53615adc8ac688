package io.aicodecraft.api.config;

import java.util.Optional;

/**
 * What a key of one tier may spend: requests per minute (the rate limit), and requests and model tokens per UTC day
 * (the quota). {@code ratePerMinute} empty: the tier follows {@code AICC_RATE_LIMIT_PER_MINUTE}, as keys did before
 * tiers.
 */
public record Tier(String name, Optional<Integer> ratePerMinute, long requestsPerDay, long tokensPerDay) {

    public Tier {
        if (!QuotaConfig.TIER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tier name '" + name + "' must be lowercase letters and digits");
        }
        if (ratePerMinute.isPresent() && ratePerMinute.get() < 1 || requestsPerDay < 1 || tokensPerDay < 1) {
            throw new IllegalArgumentException("tier " + name + ": every limit must be at least 1");
        }
    }

    /** Requests per minute, {@code fallback} (the global rate limit) when the tier sets none. */
    public int ratePerMinute(int fallback) {
        return ratePerMinute.orElse(fallback);
    }
}
