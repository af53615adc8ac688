package io.aicodecraft.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Times every request by method, route and status: {@code aicc_http_requests_seconds} with a histogram. The route is
 * the matched route pattern, never the raw path, so ids and random paths cannot multiply the series; a request that
 * matched no route (404, or refused before routing, as a 401) is {@code none}.
 */
public final class RequestMetrics implements Filter {
    private static final String UNMATCHED = "none";

    private final MeterRegistry registry;

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        // recorded when the response is sent, so the status is final even when an error handler wrote it
        res.whenSent(() -> Timer.builder("aicc.http.requests")
                .tag("method", req.prologue().method().text())
                .tag("route", req.matchingPattern().map(RequestMetrics::withoutTrailingSlash).orElse(UNMATCHED))
                .tag("status", String.valueOf(res.status().code()))
                .description("HTTP requests by route and status")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        chain.proceed();
    }

    /** A service's root route matches as {@code /v1/generations/}; the series is named as clients call it. */
    private static String withoutTrailingSlash(String pattern) {
        return pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
    }
}
