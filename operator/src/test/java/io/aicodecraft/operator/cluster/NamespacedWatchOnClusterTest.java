package io.aicodecraft.operator.cluster;

import io.aicodecraft.operator.testing.ChartRelease;
import io.aicodecraft.operator.testing.RealApi;
import io.aicodecraft.operator.testing.RealCluster;
import io.aicodecraft.operator.testing.ReconcileCounter;
import io.aicodecraft.operator.testing.RunningOperator;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chart's namespaced mode: Roles in the watched namespaces instead of a ClusterRole, and the operator,
 * configured and authorised as the chart makes it, reconciles the stacks there and nowhere else.
 */
class NamespacedWatchOnClusterTest {

    @RegisterExtension
    static final RealCluster CLUSTER = new RealCluster();

    @Test
    void anOperatorWithRolesInOneNamespaceReadiesTheStacksThereAndLeavesOthersAlone() throws Exception {
        CLUSTER.namespace("watched");
        CLUSTER.namespace("elsewhere");
        var chart = ChartRelease.install(CLUSTER, "scoped", "platform",
                Map.of("watch.mode", "namespaces", "watch.namespaces[0]", "watched"));
        assertThat(CLUSTER.client().resources(ClusterRole.class).withName(chart.fullName()).get()).isNull();

        var reconciles = new ReconcileCounter();
        try (var client = chart.operatorClient();
             var operator = RunningOperator.start(client, RealApi.addresses(), reconciles,
                     chart.operatorSettings("scoped-0"))) {
            var driver = new StackDriver(CLUSTER.client());
            var watched = driver.create(TestStacks.minimal("watched", "team-a"));
            var elsewhere = driver.create(TestStacks.minimal("elsewhere", "team-b"));

            await().atMost(StackOnClusterTest.READY).untilAsserted(() -> assertThat(driver.condition(watched, "Ready"))
                    .map(Condition::getStatus).hasValue("True"));
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            assertThat(driver.status(elsewhere)).isNull();
            assertThat(reconciles.finished("elsewhere", "team-b")).isZero();
            assertThat(CLUSTER.client().apps().statefulSets().inNamespace("elsewhere").list().getItems()).isEmpty();
        }
    }
}
