package io.aicodecraft.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.testing.MockCluster;
import io.aicodecraft.operator.testing.RealApi;
import io.aicodecraft.operator.testing.ReconcileCounter;
import io.aicodecraft.operator.testing.RunningOperator;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The operator's probe of a rolled-out stack reaches a real API (its Service resolved to the API on
 * 127.0.0.1) and folds the answer into ApiReady; switched off, ApiReady says it is not probed.
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
