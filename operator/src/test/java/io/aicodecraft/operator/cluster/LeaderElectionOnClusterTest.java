package io.aicodecraft.operator.cluster;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.runtime.OperatorSettings;
import io.aicodecraft.operator.testing.ChartRelease;
import io.aicodecraft.operator.testing.RealApi;
import io.aicodecraft.operator.testing.RealCluster;
import io.aicodecraft.operator.testing.ReconcileCounter;
import io.aicodecraft.operator.testing.RunningOperator;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two operator replicas configured as the chart configures its pods (leader election on the chart's
 * Lease, with the chart's Role for it), each acting as the chart's ServiceAccount: one reconciles; when
 * it dies without handing over, the other takes the Lease once it expires and carries on.
 */
class LeaderElectionOnClusterTest {

    // JOSDK's default lease duration is 15 s, and a candidate retries every 2 s
    private static final Duration TAKEOVER = Duration.ofSeconds(30);

    @RegisterExtension
    static final RealCluster CLUSTER = new RealCluster();

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopReplicas() throws Exception {
        for (AutoCloseable closeable : started.reversed()) {
            closeable.close();
        }
    }

    @Test
    void whenTheLeaderDiesTheOtherReplicaTakesTheLeaseAndKeepsReconciling() {
        var chart = ChartRelease.install(CLUSTER, "ha", "platform");
        var first = replica(chart, "replica-a");
        var driver = new StackDriver(CLUSTER.client());
        var stack = driver.create(TestStacks.minimal(CLUSTER.namespace("tenant"), "team-a"));
        awaitReady(driver, stack);
        String leaseName = chart.operatorEnvironment("any").get(OperatorSettings.LEADER_ELECTION_LEASE_NAME);
        assertThat(holder(leaseName)).isEqualTo("replica-a");

        var second = replica(chart, "replica-b");
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        assertThat(second.reconciles().finished("tenant", "team-a")).as("a follower does not reconcile").isZero();

        // a crash: the leader's connection goes first, so it cannot release the Lease, then its threads
        first.client().close();
        first.operator().close();
        await().atMost(TAKEOVER).untilAsserted(() -> assertThat(holder(leaseName)).isEqualTo("replica-b"));

        var scaled = driver.edit(stack, s -> {
            s.getSpec().getApi().setReplicas(3);
            return s;
        });
        await().atMost(StackOnClusterTest.READY).untilAsserted(() -> assertThat(driver.status(stack).getObservedGeneration())
                .isEqualTo(scaled.getMetadata().getGeneration()));
        awaitReady(driver, stack);
        assertThat(second.reconciles().finished("tenant", "team-a")).isPositive();
    }

    private record Replica(KubernetesClient client, RunningOperator operator, ReconcileCounter reconciles) {
    }

    private Replica replica(ChartRelease chart, String podName) {
        var client = chart.operatorClient();
        started.add(client);
        var reconciles = new ReconcileCounter();
        var operator = RunningOperator.start(client, RealApi.addresses(), reconciles, chart.operatorSettings(podName));
        started.add(operator);
        return new Replica(client, operator, reconciles);
    }

    private static String holder(String leaseName) {
        var lease = CLUSTER.client().resources(Lease.class).inNamespace("platform").withName(leaseName).get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    private static void awaitReady(StackDriver driver, AICodeCraftStack stack) {
        await().atMost(StackOnClusterTest.READY).untilAsserted(() -> assertThat(driver.condition(stack, "Ready"))
                .map(Condition::getStatus).hasValue("True"));
    }
}
