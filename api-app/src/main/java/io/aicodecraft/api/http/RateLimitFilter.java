package io.aicodecraft.api.http;

import io.aicodecraft.api.auth.Principal;
import io.aicodecraft.api.auth.RateDecision;
import io.aicodecraft.api.auth.RateLimiter;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Optional;
import java.util.UUID;

/**
 * Spends one request of the caller's key budget, after {@link AuthenticationFilter}; every answer carries the
 * {@code RateLimit-*} headers, a refusal is a 429 with {@code Retry-After}. Without Redis the limit cannot be
 * known: by default requests pass (fail open), else 503; either way {@code aicc_rate_limit_unavailable_total}
 * counts them. Requests without a key (dev mode's {@code X-User-Id}, open paths) are not limited.
 */
public final class RateLimitFilter implements Filter {
    private static final HeaderName LIMIT = HeaderNames.create("RateLimit-Limit");
    private static final HeaderName REMAINING = HeaderNames.create("RateLimit-Remaining");
    private static final HeaderName RESET = HeaderNames.create("RateLimit-Reset");
    private static final String RETRY_WITHOUT_REDIS_SECONDS = "1";

    private final RateLimiter limiter;
    private final boolean failOpen;
    private final Counter unavailable;

    public RateLimitFilter(RateLimiter limiter, boolean failOpen, MeterRegistry registry) {
        this.limiter = limiter;
        this.failOpen = failOpen;
        this.unavailable = Counter.builder("aicc.rate.limit.unavailable")
                .tag("outcome", failOpen ? "allowed" : "refused")
                .description("requests whose rate limit could not be checked because Redis was unavailable")
                .register(registry);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<UUID> key = req.context().get(Principal.class).flatMap(Principal::keyId);
        if (key.isPresent()) {
            check(key.get(), res);
        }
        chain.proceed();
    }

    private void check(UUID key, RoutingResponse res) {
        Optional<RateDecision> decision = limiter.take(key);
        if (decision.isEmpty()) {
            unavailable.increment();
            if (!failOpen) {
                res.header(HeaderNames.RETRY_AFTER, RETRY_WITHOUT_REDIS_SECONDS);
                throw new ProblemException(ProblemType.RATE_LIMITER_UNAVAILABLE,
                        "the rate limit cannot be checked right now (Redis is unavailable); retry shortly",
                        Optional.empty());
            }
            return;
        }
        RateDecision d = decision.get();
        res.header(LIMIT, String.valueOf(d.limit()));
        res.header(REMAINING, String.valueOf(d.remaining()));
        res.header(RESET, String.valueOf(RateDecision.seconds(d.reset())));
        if (!d.allowed()) {
            long retryAfter = Math.max(1, RateDecision.seconds(d.retryAfter()));
            res.header(HeaderNames.RETRY_AFTER, String.valueOf(retryAfter));
            throw new ProblemException(ProblemType.RATE_LIMITED, "this API key's budget of " + d.limit()
                    + " requests per minute is spent; retry after " + retryAfter + " s", Optional.empty());
        }
    }
}
