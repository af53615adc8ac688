package io.aicodecraft.api.usage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A key's usage report: its tier's limits, today (UTC) with what is left of the quota and when it resets, and the
 * 30 days before today on which it was used, newest first.
 */
public record KeyUsage(UUID keyId, Limits limits, DayUsage today, long remainingRequests, long remainingTokens,
                       Instant resetsAt, List<DayUsage> days) {

    /** A tier's limits as the report shows them. */
    public record Limits(String tier, int ratePerMinute, long requestsPerDay, long tokensPerDay) {
    }
}
