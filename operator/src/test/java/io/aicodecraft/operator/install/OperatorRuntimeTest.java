package io.aicodecraft.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackAlerts;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.reconciler.StackOperatorOptions;
import io.aicodecraft.operator.runtime.OperatorRuntime;
import io.aicodecraft.operator.runtime.OperatorSettings;
import io.aicodecraft.operator.testing.GrafanaDashboard;
import io.aicodecraft.operator.testing.PromqlMetrics;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** {@code run}'s runtime against the fabric8 mock API server in CRUD mode: leader election, namespaces, endpoints, stop. */
@EnableKubernetesMockClient(crud = true)
class OperatorRuntimeTest {

    private static final String OPERATOR_NAMESPACE = "aicodecraft-system";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private KubernetesMockServer server;
    private KubernetesClient client;
    private final List<OperatorRuntime> runtimes = new ArrayList<>();
    private final AtomicInteger lostLeadership = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void allowLeases() {
        // JOSDK asks whether it may use Leases before campaigning; a real API server answers from RBAC.
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewStatus().addNewResourceRule()
                        .withApiGroups("coordination.k8s.io").withResources("leases")
                        .withVerbs("get", "create", "update", "patch").endResourceRule().withIncomplete(false).endStatus().build())
                .always();
    }

    @AfterEach
    void stop() {
        runtimes.forEach(OperatorRuntime::close);
        http.close();
    }

    @Test
    void theLeaderHoldsTheLeaseInItsNamespaceAndReconciles() {
        var runtime = start(Map.of("POD_NAMESPACE", OPERATOR_NAMESPACE, "POD_NAME", "operator-a"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(lease()).isNotNull()
                .extracting(l -> l.getSpec().getHolderIdentity()).isEqualTo("operator-a"));
        var stack = client.resource(TestStacks.minimal("tenant-a", "team-a")).create();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(client.secrets().inNamespace("tenant-a")
                .withName(StackNames.adminKeySecret(stack)).get()).isNotNull());
        assertThat(runtime.operator().getRuntimeInfo().isStarted()).isTrue();
        assertThat(lostLeadership).hasValue(0);
    }

    @Test
    void aSecondReplicaStandsByReadyWithoutTakingTheLease() throws Exception {
        start(Map.of("POD_NAMESPACE", OPERATOR_NAMESPACE, "POD_NAME", "operator-a"));
        await().atMost(PATIENCE).until(() -> lease() != null);

        var standby = start(Map.of("POD_NAMESPACE", OPERATOR_NAMESPACE, "POD_NAME", "operator-b"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(standby, "/readyz").statusCode()).isEqualTo(200));
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("operator-a");
    }

    @Test
    void onlyTheWatchedNamespacesAreReconciled() {
        start(Map.of("LEADER_ELECTION_ENABLED", "false", "WATCH_NAMESPACES", "tenant-a"));
        var watched = client.resource(TestStacks.minimal("tenant-a", "team-a")).create();
        var unwatched = client.resource(TestStacks.minimal("tenant-b", "team-b")).create();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(watched)).isNotNull());

        assertThat(status(unwatched)).isNull();
        assertThat(client.secrets().inNamespace("tenant-b").list().getItems()).isEmpty();
    }

    @Test
    void healthReadinessAndMetricsAreServed() throws Exception {
        var runtime = start(Map.of("LEADER_ELECTION_ENABLED", "false"));
        var stack = client.resource(TestStacks.minimal("tenant-a", "team-a")).create();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(stack)).isNotNull());

        assertThat(get(runtime, "/healthz").statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(runtime, "/readyz").statusCode()).isEqualTo(200));
        String metrics = get(runtime, "/metrics").body();
        assertThat(metrics).contains("operator_sdk_reconciliations_started_total")
                .contains("operator_sdk_reconciliations_success_total")
                .contains("jvm_memory_used_bytes");
        assertThat(GrafanaDashboard.operatorMetrics()).as("the Grafana dashboard's operator panels read").isNotEmpty();
        assertThat(PromqlMetrics.names(metrics)).containsAll(GrafanaDashboard.operatorMetrics());
        // the stack's alerts on its conditions: one series per condition of this stack
        var alertsRead = StackAlerts.of(stack).stream().flatMap(alert -> PromqlMetrics.selected(alert.expr()).stream())
                .filter(metric -> metric.startsWith(StackAlerts.OPERATOR_PREFIX)).collect(Collectors.toSet());
        assertThat(alertsRead).isNotEmpty();
        assertThat(PromqlMetrics.names(metrics)).containsAll(alertsRead);
        assertThat(metrics).contains("aicodecraft_stack_condition{condition=\"Ready\",stack=\"team-a\",stack_namespace=\"tenant-a\"}");
    }

    @Test
    void closingStopsTheOperatorAndItsEndpointsWithoutCountingAsLostLeadership() throws Exception {
        var runtime = start(Map.of("POD_NAMESPACE", OPERATOR_NAMESPACE, "POD_NAME", "operator-a"));
        await().atMost(PATIENCE).until(() -> lease() != null);
        assertThat(get(runtime, "/healthz").statusCode()).isEqualTo(200);

        runtime.close();

        assertThat(runtime.operator().getRuntimeInfo().isStarted()).isFalse();
        assertThatThrownBy(() -> get(runtime, "/healthz")).isInstanceOf(ConnectException.class);
        assertThat(lostLeadership).hasValue(0);
    }

    private OperatorRuntime start(Map<String, String> environment) {
        var env = new HashMap<>(environment);
        env.put("PROBE_INTERVAL", "1s");
        env.put("PROBE_TIMEOUT", "1s");
        try {
            var runtime = OperatorRuntime.start(client, OperatorSettings.fromEnvironment(env),
                    // the mock cannot serve server-side apply: the one switch tests turn; and no API
                    // runs here, so the probe is pointed where nothing listens instead of at cluster DNS
                    StackOperatorOptions.defaults().withServerSideApply(false)
                            .withAddressResolver((service, port) -> URI.create("http://127.0.0.1:9")),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), lostLeadership::incrementAndGet);
            runtimes.add(runtime);
            return runtime;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Lease lease() {
        return client.leases().inNamespace(OPERATOR_NAMESPACE).withName("aicodecraft-operator-leader").get();
    }

    private Object status(AICodeCraftStack stack) {
        var current = client.resource(stack).get();
        return current == null ? null : current.getStatus();
    }

    private HttpResponse<String> get(OperatorRuntime runtime, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
