package io.aicodecraft.operator.apiserver;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.PostgresExporter;
import io.aicodecraft.operator.model.RedisExporter;
import io.aicodecraft.operator.model.StackAlerts;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.testing.GoModuleCrds;
import io.aicodecraft.operator.testing.OperatorOnApiServer;
import io.aicodecraft.operator.testing.RealApiServer;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Monitoring on a real kube-apiserver with the Prometheus Operator's own CRDs (its pinned release's, from its Go
 * module): every stack gets a ServiceMonitor of its API, a PrometheusRule of its alerts, and its managed
 * PostgreSQL and Redis each an exporter container with a PodMonitor, which the Prometheus Operator's schema accepts;
 * and loses them all when monitoring is turned off. Where the CRDs are absent (OperatorOnApiServerTest's server)
 * neither pod runs an exporter.
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
    void aStackGetsAServiceMonitorItsAlertsAndAPostgresExporterUntilMonitoringIsTurnedOff() {
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
            PodMonitor postgres = driver.get(stack, PodMonitor.class, StackNames.postgres(stack));
            assertThat(postgres).as("the PostgreSQL exporter's PodMonitor").isNotNull();
            assertThat(postgres.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/instance", "team-a")
                    .containsEntry("app.kubernetes.io/component", "database");
            assertThat(postgres.getSpec().getPodMetricsEndpoints()).singleElement()
                    .satisfies(endpoint -> assertThat(endpoint.getPort()).isEqualTo(PostgresExporter.PORT_NAME));
            assertThat(postgresContainers(stack)).containsExactly("postgres", PostgresExporter.CONTAINER);
            PodMonitor redis = driver.get(stack, PodMonitor.class, StackNames.redis(stack));
            assertThat(redis).as("the Redis exporter's PodMonitor").isNotNull();
            assertThat(redis.getSpec().getPodMetricsEndpoints()).singleElement()
                    .satisfies(endpoint -> assertThat(endpoint.getPort()).isEqualTo(RedisExporter.PORT_NAME));
            assertThat(redisContainers(stack)).containsExactly("redis", RedisExporter.CONTAINER);
        });

        driver.edit(stack, s -> {
            s.getSpec().getMonitoring().setEnabled(false);
            return s;
        });

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            assertThat(driver.get(stack, ServiceMonitor.class, StackNames.api(stack))).isNull();
            assertThat(driver.get(stack, PrometheusRule.class, StackNames.alerts(stack))).isNull();
            assertThat(driver.get(stack, PodMonitor.class, StackNames.postgres(stack))).isNull();
            assertThat(postgresContainers(stack)).containsExactly("postgres");
            assertThat(driver.get(stack, PodMonitor.class, StackNames.redis(stack))).isNull();
            assertThat(redisContainers(stack)).containsExactly("redis");
        });
    }

    /** The containers of Redis's pod, none while its Deployment is not there yet. */
    private static List<String> redisContainers(AICodeCraftStack stack) {
        return Optional.ofNullable(driver.get(stack, Deployment.class, StackNames.redis(stack)))
                .map(set -> set.getSpec().getTemplate().getSpec().getContainers().stream().map(Container::getName).toList())
                .orElse(List.of());
    }

    /** The containers of PostgreSQL's pod, none while its StatefulSet is not there yet. */
    private static List<String> postgresContainers(AICodeCraftStack stack) {
        return Optional.ofNullable(driver.get(stack, StatefulSet.class, StackNames.postgres(stack)))
                .map(set -> set.getSpec().getTemplate().getSpec().getContainers().stream().map(Container::getName).toList())
                .orElse(List.of());
    }
}
