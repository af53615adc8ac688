package io.aicodecraft.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Times every request by method, route and status: {@code aicc_http_requests_seconds} with a histogram of
 * {@link LatencyBuckets}, the route named by the routing ({@code io.aicodecraft.api.http.RouteName}).
 */
public final class RequestMetrics implements Filter {
    private static final Duration[] BUCKETS = LatencyBuckets.upTo(Duration.ofSeconds(30));

    private final MeterRegistry registry;
    private final Function<RoutingRequest, String> routeName;

    public RequestMetrics(MeterRegistry registry, Function<RoutingRequest, String> routeName) {
        this.registry = registry;
        this.routeName = routeName;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        // recorded when the response is sent, so the status is final even when an error handler wrote it
        res.whenSent(() -> Timer.builder("aicc.http.requests")
                .tag("method", req.prologue().method().text())
                .tag("route", routeName.apply(req))
                .tag("status", String.valueOf(res.status().code()))
                .description("HTTP requests by route and status")
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        chain.proceed();
    }
}
