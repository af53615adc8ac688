package io.aicodecraft.api.auth;

import io.aicodecraft.api.config.Tier;

import java.time.Duration;

/**
 * The rate limiter's answer for one request: its verdict, the minute budget, what is left of it, when the next
 * request would be allowed ({@code retryAfter}, zero when this one was; the next UTC day when a quota is spent) and
 * when the whole minute budget is back ({@code reset}); with the key's tier and its day so far.
 */
public record RateDecision(Verdict verdict, int limit, long remaining, Duration retryAfter, Duration reset, Tier tier,
                           DayCount today) {

    public enum Verdict {
        ALLOWED, RATE_LIMITED, REQUESTS_PER_DAY_SPENT, TOKENS_PER_DAY_SPENT, REVOKED
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOWED;
    }

    /** Refused by the daily quota, of requests or of tokens, rather than by the minute budget. */
    public boolean quotaSpent() {
        return verdict == Verdict.REQUESTS_PER_DAY_SPENT || verdict == Verdict.TOKENS_PER_DAY_SPENT;
    }

    /** Whole seconds for HTTP headers, rounded up: a client that waits that long is never refused for waiting too little. */
    public static long seconds(Duration duration) {
        return Math.ceilDiv(duration.toMillis(), 1000);
    }
}
