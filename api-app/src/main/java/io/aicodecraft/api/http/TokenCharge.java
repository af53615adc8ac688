package io.aicodecraft.api.http;

import io.aicodecraft.api.auth.Principal;
import io.aicodecraft.api.auth.RateDecision;
import io.aicodecraft.api.usage.UsageCounters;
import io.aicodecraft.api.usage.UsageFlush;
import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;
import java.util.UUID;

/**
 * Adds the model tokens an answer cost to its key's day: the day {@link RateLimitFilter} counted the request in, so
 * a request and its tokens never fall on two days. Requests the limiter did not count (no key, Redis away) are not
 * charged either.
 */
final class TokenCharge {
    private final UsageCounters counters;
    private final UsageFlush flush;

    TokenCharge(UsageCounters counters, UsageFlush flush) {
        this.counters = counters;
        this.flush = flush;
    }

    void charge(ServerRequest req, long tokens) {
        Optional<UUID> key = req.context().get(Principal.class).flatMap(Principal::keyId);
        Optional<RateDecision> counted = req.context().get(RateDecision.class);
        Optional<String> route = req.context().get(CallerRoute.class).map(CallerRoute::root);
        if (tokens > 0 && key.isPresent() && counted.isPresent() && route.isPresent()) {
            counters.addTokens(key.get(), counted.get().today().day(), route.get(), tokens);
            flush.touched(key.get(), counted.get().today().day());
        }
    }
}
