package io.aicodecraft.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.probe.AddressTemplate;
import io.aicodecraft.operator.testing.MockCluster;
import io.aicodecraft.operator.testing.ReadyEndpoint;
import io.aicodecraft.operator.testing.RealApi;
import io.aicodecraft.operator.testing.ReconcileCounter;
import io.aicodecraft.operator.testing.RunningOperator;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.Condition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The operator's probe of a rolled-out stack reaches a real API (its Service resolved to the API on
 * 127.0.0.1) and folds the answer into ApiReady; switched off, ApiReady says it is not probed; a restarted
 * operator probes the stacks it finds, and keeps their last answer until its own first probe answers.
 */
class ActiveProbeTest {

    @Test
    void apiReadyCarriesTheRealApisReadinessAnswer() {
        URI api = RealApi.baseUri();
        try (var cluster = new MockCluster();
             var operator = RunningOperator.start(cluster, RealApi.addresses(), new ReconcileCounter())) {
            var driver = new StackDriver(cluster.client());

            var stack = driver.bringToReady(TestStacks.minimal("probed", "team-a"));

            assertThat(driver.condition(stack, "ApiReady")).hasValueSatisfying(c -> {
                assertThat(c.getStatus()).isEqualTo("True");
                assertThat(c.getReason()).isEqualTo("ApiAvailable");
                assertThat(c.getMessage()).contains(api + "/health/ready", "answered 200");
            });
        }
    }

    @Test
    void aRestartedOperatorProbesTheStacksItFinds() {
        try (var cluster = new MockCluster(); var api = new ReadyEndpoint()) {
            var driver = new StackDriver(cluster.client());
            AICodeCraftStack stack;
            try (var first = RunningOperator.start(cluster, new AddressTemplate(api.baseUri().toString()), new ReconcileCounter())) {
                stack = driver.bringToReady(TestStacks.minimal("found", "team-a"));
            }

            api.answer(503, "{\"status\":\"down\",\"checks\":{\"database\":\"down\"}}");
            try (var second = RunningOperator.start(cluster, new AddressTemplate(api.baseUri().toString()), new ReconcileCounter())) {
                await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(driver.condition(stack, "ApiReady"))
                        .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo("ApiProbeFailed")));
            }
        }
    }

    @Test
    void afterARestartTheLastAnswerStandsUntilTheFirstProbeAnswers() throws IOException {
        try (var cluster = new MockCluster();
             var silentApi = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var driver = new StackDriver(cluster.client());
            AICodeCraftStack stack;
            try (var first = RunningOperator.start(cluster, RealApi.addresses(), new ReconcileCounter())) {
                stack = driver.bringToReady(TestStacks.minimal("restarted", "team-a"));
            }
            var reconciles = new ReconcileCounter();

            // the new operator's first probe gets no answer while the test looks
            try (var second = RunningOperator.start(cluster, new AddressTemplate("http://127.0.0.1:" + silentApi.getLocalPort()),
                    reconciles, options -> options.withProbeTimeout(Duration.ofMinutes(1)))) {
                await().atMost(StackDriver.WAIT).until(() -> reconciles.finished("restarted", "team-a") >= 2);

                assertThat(driver.condition(stack, "Ready")).map(Condition::getStatus).hasValue("True");
                assertThat(driver.condition(stack, "ApiReady")).hasValueSatisfying(c ->
                        assertThat(c.getMessage()).contains(RealApi.baseUri() + "/health/ready", "answered 200"));
            }
        }
    }

    @Test
    void withTheProbeOffApiReadyFollowsTheDeploymentAloneAndSaysSo() {
        try (var cluster = new MockCluster();
             var operator = RunningOperator.start(cluster, RunningOperator.NO_POD_NETWORK, new ReconcileCounter(),
                     options -> options.withProbeEnabled(false))) {
            var driver = new StackDriver(cluster.client());

            // NO_POD_NETWORK would fail any probe: Ready comes from the Deployment alone
            var stack = driver.bringToReady(TestStacks.minimal("unprobed", "team-a"));

            assertThat(driver.condition(stack, "ApiReady")).hasValueSatisfying(c -> {
                assertThat(c.getStatus()).isEqualTo("True");
                assertThat(c.getReason()).isEqualTo("ApiAvailable");
                assertThat(c.getMessage()).contains("2 of 2 pods", "not probed by the operator (PROBE_ENABLED=false)");
            });
        }
    }
}
