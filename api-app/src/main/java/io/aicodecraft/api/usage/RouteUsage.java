package io.aicodecraft.api.usage;

/** A key's requests to one route on one day, and the model tokens they cost. */
public record RouteUsage(String route, long requests, long tokens) {

    /**
     * The larger count of each: Redis's live count and PostgreSQL's last copy of the same day, one of which may be
     * behind (a flush not yet run) or lost (a Redis restart).
     */
    RouteUsage max(RouteUsage other) {
        return new RouteUsage(route, Math.max(requests, other.requests), Math.max(tokens, other.tokens));
    }
}
