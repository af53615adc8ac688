package io.aicodecraft.api.http;

import io.helidon.webserver.http.RoutingRequest;

import java.util.function.Function;

/**
 * A request's route as the metrics and the access log name it: the matched route pattern, never the raw path, so
 * that ids and random paths cannot multiply series; a request refused before routing (a 401, a 429) under the root
 * of the API it was sent to, such as {@code /v1/generations}; one that matches no route at all (a 404)
 * {@code none}.
 */
public final class RouteName implements Function<RoutingRequest, String> {
    private static final String UNMATCHED = "none";

    private final CallerRoutes callerRoutes;

    RouteName(CallerRoutes callerRoutes) {
        this.callerRoutes = callerRoutes;
    }

    @Override
    public String apply(RoutingRequest req) {
        return req.matchingPattern().map(RouteName::withoutTrailingSlash)
                .or(() -> callerRoutes.rootOf(req.path().absolute().path()))
                .orElse(UNMATCHED);
    }

    /** A service's root route matches as {@code /v1/generations/}; the route is named as clients call it. */
    private static String withoutTrailingSlash(String pattern) {
        return pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
    }
}
