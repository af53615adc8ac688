package io.aicodecraft.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Times every request by method, route and status: {@code aicc_http_requests_seconds} with a histogram of
 * {@link LatencyBuckets}. The route is the matched route pattern, never the raw path, so ids and random paths cannot
 * multiply the series. A request refused before routing (a 401, a 429) is counted under the root of the API it was
 * sent to, such as {@code /v1/generations}; one that matches no route at all (a 404) is {@code none}.
 */
public final class RequestMetrics implements Filter {
    private static final String UNMATCHED = "none";
    private static final Duration[] BUCKETS = LatencyBuckets.upTo(Duration.ofSeconds(30));

    private final MeterRegistry registry;
    private final Function<String, Optional<String>> rootOf;

    /** @param rootOf the API root a path is under, for requests that are answered before routing */
    public RequestMetrics(MeterRegistry registry, Function<String, Optional<String>> rootOf) {
        this.registry = registry;
        this.rootOf = rootOf;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        // recorded when the response is sent, so the status is final even when an error handler wrote it
        res.whenSent(() -> Timer.builder("aicc.http.requests")
                .tag("method", req.prologue().method().text())
                .tag("route", route(req))
                .tag("status", String.valueOf(res.status().code()))
                .description("HTTP requests by route and status")
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        chain.proceed();
    }

    private String route(RoutingRequest req) {
        return req.matchingPattern().map(RequestMetrics::withoutTrailingSlash)
                .or(() -> rootOf.apply(req.path().path()))
                .orElse(UNMATCHED);
    }

    /** A service's root route matches as {@code /v1/generations/}; the series is named as clients call it. */
    private static String withoutTrailingSlash(String pattern) {
        return pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
    }
}
