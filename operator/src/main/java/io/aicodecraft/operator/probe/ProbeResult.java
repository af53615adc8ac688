package io.aicodecraft.operator.probe;

/**
 * One answer of the API's readiness endpoint, reduced to what a status condition needs.
 *
 * @param outcome what happened
 * @param message for a person: the HTTP status, or why no answer came
 */
public record ProbeResult(Outcome outcome, String message) {

    public enum Outcome {
        /** {@code /health/ready} answered 200 with status "up". */
        READY,
        /** It answered 200 but "degraded": serving from PostgreSQL with Redis down. */
        DEGRADED,
        /** The API answered, but not 200 (it reports a dependency down). */
        NOT_READY,
        /** No answer within the timeout. */
        TIMED_OUT,
        /** No connection (refused, unknown host, reset). */
        UNREACHABLE
    }

    public boolean ready() {
        return outcome == Outcome.READY;
    }
}
