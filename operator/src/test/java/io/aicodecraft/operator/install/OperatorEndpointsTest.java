package io.aicodecraft.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.runtime.HealthStatus;
import io.aicodecraft.operator.runtime.OperatorEndpoints;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperatorEndpointsTest {

    private final AtomicReference<HealthStatus> liveness = new AtomicReference<>(HealthStatus.up("started"));
    private final AtomicReference<HealthStatus> readiness = new AtomicReference<>(HealthStatus.up("synced"));
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient http = HttpClient.newHttpClient();
    private OperatorEndpoints endpoints;

    @BeforeEach
    void start() throws Exception {
        endpoints = OperatorEndpoints.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                liveness::get, readiness::get, registry);
    }

    @AfterEach
    void stop() {
        endpoints.close();
        http.close();
    }

    @Test
    void healthzAnswers200WhileLive() throws Exception {
        var response = get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("started\n");
    }

    @Test
    void healthzAnswers503WithTheReasonWhenNotLive() throws Exception {
        liveness.set(HealthStatus.down("operator not started"));

        var response = get("/healthz");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("operator not started");
    }

    @Test
    void readyzFollowsReadinessNotLiveness() throws Exception {
        readiness.set(HealthStatus.down("unhealthy event sources: stacks/Secret"));

        assertThat(get("/readyz").statusCode()).isEqualTo(503);
        assertThat(get("/readyz").body()).contains("stacks/Secret");
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsServesTheRegistryInPrometheusTextFormat() throws Exception {
        registry.counter("operator.sdk.test.events", "controller", "stacks").increment(3);

        var response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("operator_sdk_test_events_total{controller=\"stacks\"} 3.0");
    }

    @Test
    void onlyTheExactPathsExist() throws Exception {
        assertThat(get("/healthz/extra").statusCode()).isEqualTo(404);
    }

    @Test
    void writesAreRefused() throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void closingStopsServing() {
        endpoints.close();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> get("/healthz"))
                .isInstanceOf(java.io.IOException.class);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + endpoints.port() + path);
    }
}
