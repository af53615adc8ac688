package io.aicodecraft.api.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Answers what the filters after it throw (a 401 from authentication, a 429 from the rate limit) right there. The
 * web server handles a filter's exception only once it has left every filter, after the access log has written its
 * line, so without this the access log would show such a request as a 200.
 */
final class FilterErrors implements Filter {
    private final ProblemMapping problems;

    FilterErrors(ProblemMapping problems) {
        this.problems = problems;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        try {
            chain.proceed();
        } catch (RuntimeException e) {
            if (res.isSent()) {
                throw e;
            }
            problems.send(req, res, e);
        }
    }
}
