package io.aicodecraft.operator.apiserver;

import io.aicodecraft.operator.model.StackAlerts;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.testing.GoModuleCrds;
import io.aicodecraft.operator.testing.OperatorOnApiServer;
import io.aicodecraft.operator.testing.RealApiServer;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Monitoring on a real kube-apiserver with the Prometheus Operator's own CRDs (its pinned release's, from its Go
 * module): every stack gets a ServiceMonitor of its API and a PrometheusRule of its alerts, which the Prometheus
 * Operator's schema accepts, and loses both when monitoring is turned off.
 */
class MonitoringOnApiServerTest {

    @RegisterExtension
    static final RealApiServer SERVER = RealApiServer.withCrds(GoModuleCrds.PROMETHEUS_OPERATOR::load);

    @RegisterExtension
    static final OperatorOnApiServer OPERATOR = new OperatorOnApiServer(SERVER);

    private static StackDriver driver;

    @BeforeAll
    static void driver() {
        driver = OPERATOR.driver();
    }

    @Test
    void aStackGetsAServiceMonitorAndItsAlertsUntilMonitoringIsTurnedOff() {
        var stack = driver.create(TestStacks.minimal(SERVER.namespace("monitoring"), "team-a"));

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            ServiceMonitor monitor = driver.get(stack, ServiceMonitor.class, StackNames.api(stack));
            assertThat(monitor).as("the API's ServiceMonitor").isNotNull();
            assertThat(monitor.getSpec().getSelector().getMatchLabels()).containsEntry("aicodecraft.io/stack", "team-a")
                    .containsEntry("app.kubernetes.io/component", "api");
            assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
                assertThat(endpoint.getPort()).isEqualTo("http");
                assertThat(endpoint.getPath()).isEqualTo("/metrics");
            });
            assertThat(monitor.getMetadata().getOwnerReferences()).singleElement()
                    .satisfies(owner -> assertThat(owner.getName()).isEqualTo("team-a"));
            PrometheusRule alerts = driver.get(stack, PrometheusRule.class, StackNames.alerts(stack));
            assertThat(alerts).as("the stack's alerts").isNotNull();
            assertThat(alerts.getSpec().getGroups()).singleElement().satisfies(group -> assertThat(group.getRules())
                    .extracting(rule -> rule.getAlert())
                    .containsExactlyElementsOf(StackAlerts.of(stack).stream().map(alert -> alert.name()).toList()));
        });

        driver.edit(stack, s -> {
            s.getSpec().getMonitoring().setEnabled(false);
            return s;
        });

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            assertThat(driver.get(stack, ServiceMonitor.class, StackNames.api(stack))).isNull();
            assertThat(driver.get(stack, PrometheusRule.class, StackNames.alerts(stack))).isNull();
        });
    }
}
