package io.aicodecraft.api.auth;

import java.time.Duration;
import java.time.Instant;

/** A key's daily quota of requests or tokens is spent until the next UTC day. */
public final class QuotaExceededException extends RuntimeException {
    private final RateDecision decision;

    public QuotaExceededException(RateDecision decision) {
        super(detail(decision), null, false, false);
        this.decision = decision;
    }

    private static String detail(RateDecision decision) {
        boolean requests = decision.verdict() == RateDecision.Verdict.REQUESTS_PER_DAY_SPENT;
        return "this API key's daily quota of " + (requests
                ? decision.tier().requestsPerDay() + " requests"
                : decision.tier().tokensPerDay() + " tokens")
                + " (tier " + decision.tier().name() + ") is spent; it resets at " + reset(decision) + " (UTC midnight)";
    }

    /** The next UTC midnight, when the quota starts again. */
    public Instant reset() {
        return reset(decision);
    }

    public Duration retryAfter() {
        return decision.today().untilNextDay();
    }

    private static Instant reset(RateDecision decision) {
        return DayCount.resetOf(decision.today().day());
    }
}
