package io.aicodecraft.api.http;

import io.aicodecraft.api.auth.Principal;
import io.aicodecraft.api.auth.RateDecision;
import io.aicodecraft.api.auth.QuotaExceededException;
import io.aicodecraft.api.auth.RateLimiter;
import io.aicodecraft.api.config.QuotaConfig;
import io.aicodecraft.api.config.Tier;
import io.aicodecraft.api.usage.UsageFlush;
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
 * Spends one request of the caller's key budget and daily quota (its tier's), after {@link AuthenticationFilter};
 * every answer carries the {@code RateLimit-*} headers of the minute budget, a refusal is a 429 with
 * {@code Retry-After} (problem {@code rate-limited}, or {@code quota-exceeded} until the next UTC day). An allowed
 * request's decision stays in the request's context, for the tokens its answer costs. Without Redis the limits
 * cannot be known: by default requests pass (fail open) uncounted, else 503; either way
 * {@code aicc_rate_limit_unavailable_total} counts them. Requests without a key (dev mode's {@code X-User-Id}, open
 * paths) are not limited.
 */
public final class RateLimitFilter implements Filter {
    private static final HeaderName LIMIT = HeaderNames.create("RateLimit-Limit");
    private static final HeaderName REMAINING = HeaderNames.create("RateLimit-Remaining");
    private static final HeaderName RESET = HeaderNames.create("RateLimit-Reset");
    private static final String RETRY_WITHOUT_REDIS_SECONDS = "1";

    private final RateLimiter limiter;
    private final QuotaConfig quota;
    private final UsageFlush usage;
    private final boolean failOpen;
    private final Counter unavailable;

    RateLimitFilter(RateLimiter limiter, QuotaConfig quota, UsageFlush usage, boolean failOpen,
                    MeterRegistry registry) {
        this.limiter = limiter;
        this.quota = quota;
        this.usage = usage;
        this.failOpen = failOpen;
        this.unavailable = Counter.builder("aicc.rate.limit.unavailable")
                .tag("outcome", failOpen ? "allowed" : "refused")
                .description("requests whose rate limit could not be checked because Redis was unavailable")
                .register(registry);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<Principal> principal = req.context().get(Principal.class);
        Optional<UUID> key = principal.flatMap(Principal::keyId);
        if (key.isPresent()) {
            // a key is only ever taken on a caller route, which AuthenticationFilter registered
            String route = req.context().get(CallerRoute.class).orElseThrow().root();
            check(key.get(), quota.tierOf(principal.get().tier()), route, req, res);
        }
        chain.proceed();
    }

    private void check(UUID key, Tier tier, String route, RoutingRequest req, RoutingResponse res) {
        Optional<RateDecision> decision = limiter.take(key, tier, route);
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
        if (d.verdict() == RateDecision.Verdict.REVOKED) {
            throw AuthenticationHeader.unauthorized("the API key is not valid or has been revoked");
        }
        res.header(LIMIT, String.valueOf(d.limit()));
        res.header(REMAINING, String.valueOf(d.remaining()));
        res.header(RESET, String.valueOf(RateDecision.seconds(d.reset())));
        if (d.quotaSpent()) {
            throw new QuotaExceededException(d);
        }
        if (!d.allowed()) {
            long retryAfter = Math.max(1, RateDecision.seconds(d.retryAfter()));
            res.header(HeaderNames.RETRY_AFTER, String.valueOf(retryAfter));
            throw new ProblemException(ProblemType.RATE_LIMITED, "this API key's budget of " + d.limit()
                    + " requests per minute is spent; retry after " + retryAfter + " s", Optional.empty());
        }
        usage.touched(key, d.today().day());
        req.context().register(d);
    }
}
