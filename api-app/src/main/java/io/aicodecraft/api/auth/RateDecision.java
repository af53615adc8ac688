package io.aicodecraft.api.auth;

import java.time.Duration;

/**
 * The rate limiter's answer for one request: allowed or not, the budget, what is left of it, when the next request
 * would be allowed ({@code retryAfter}, zero when this one was) and when the whole budget is back ({@code reset}).
 */
public record RateDecision(boolean allowed, int limit, long remaining, Duration retryAfter, Duration reset) {

    /** Whole seconds for HTTP headers, rounded up: a client that waits that long is never refused for waiting too little. */
    public static long seconds(Duration duration) {
        return Math.ceilDiv(duration.toMillis(), 1000);
    }
}
