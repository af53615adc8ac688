package io.aicodecraft.api.usage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A key's usage report: its tier's limits, today (UTC) with what is left of the quota and when it resets, and the
 * 30 days before today on which it was used, newest first. A per-day limit, and what is left of it, is null where the tier
 * has none.
 */
public record KeyUsage(UUID keyId, Limits limits, DayUsage today, Long remainingRequests,
                       Long remainingTokens,
                       Instant resetsAt, List<DayUsage> days) {

    /** A tier's limits as the report shows them. */
    public record Limits(String tier, int ratePerMinute, Long requestsPerDay, Long tokensPerDay) {
    }
}
