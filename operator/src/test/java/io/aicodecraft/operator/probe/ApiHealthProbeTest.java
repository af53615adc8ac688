package io.aicodecraft.operator.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.testing.ReadyEndpoint;
import io.aicodecraft.operator.testing.RealApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The operator's active probe: against the real API (embedded PostgreSQL and Redis), against nothing,
 * and against the two other answers the API's contract has (503 down, 200 degraded).
 */
class ApiHealthProbeTest {

    private final ApiHealthProbe probe = new ApiHealthProbe(Duration.ofSeconds(2));

    @Test
    void aServingApiIsReady() {
        ProbeResult result = probe.probe(RealApi.baseUri());

        assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.READY);
        assertThat(result.message()).contains("/health/ready", "200");
    }

    @Test
    void nothingListeningIsUnreachable() throws IOException {
        URI closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        ProbeResult result = probe.probe(closed);

        assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.UNREACHABLE);
        assertThat(result.message()).contains(closed.toString());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        // accepts the connection (backlog) but never reads or answers
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var quickProbe = new ApiHealthProbe(Duration.ofMillis(300));

            ProbeResult result = quickProbe.probe(URI.create("http://127.0.0.1:" + silent.getLocalPort()));

            assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.TIMED_OUT);
            assertThat(result.message()).contains("300 ms");
        }
    }

    @Test
    void anApiReportingItsDatabaseDownIsNotReady() {
        try (var api = new ReadyEndpoint()) {
            api.answer(503, "{\"status\":\"down\",\"checks\":{\"postgres\":{\"status\":\"down\"}}}");

            ProbeResult result = probe.probe(api.baseUri());

            assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.NOT_READY);
            assertThat(result.message()).contains("503", "down");
        }
    }

    @Test
    void anApiServingWithoutRedisIsDegraded() {
        try (var api = new ReadyEndpoint()) {
            api.answer(200, "{\"status\":\"degraded\",\"checks\":{\"redis\":{\"status\":\"down\"}}}");

            ProbeResult result = probe.probe(api.baseUri());

            assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.DEGRADED);
            assertThat(result.ready()).isFalse();
        }
    }
}
