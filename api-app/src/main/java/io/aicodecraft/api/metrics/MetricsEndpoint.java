package io.aicodecraft.api.metrics;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /metrics}: every meter in the Prometheus text format, for a scraper; no key needed, like the health checks. */
public final class MetricsEndpoint implements HttpService {
    /** What {@link ApiMetrics#scrape()} writes: the Prometheus text exposition format 0.0.4. */
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ApiMetrics metrics;

    public MetricsEndpoint(ApiMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::scrape);
    }

    private void scrape(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
        res.send(metrics.scrape());
    }
}
