package io.aicodecraft.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import io.aicodecraft.operator.runtime.OperatorSettings;
import io.aicodecraft.operator.testing.GrafanaDashboard;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

class ChartTest {

    private static final List<String> STANDARD_LABELS = List.of(
            "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/part-of",
            "app.kubernetes.io/managed-by");

    @Test
    void lintsWithoutFindings() {
        var result = new Helm(Repository.CHART).lint().strict().call();

        assertThat(result.isFailed()).as("lint: %s", result.getMessages()).isFalse();
    }

    @Test
    void defaultsRenderTheOperatorWithClusterWideRbac() {
        var chart = RenderedChart.defaults();

        assertThat(chart.kinds()).containsExactlyInAnyOrder("ServiceAccount",
                "ClusterRole", "ClusterRoleBinding", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment",
                "Service", "ConfigMap");
        var binding = chart.named("ClusterRoleBinding", RenderedChart.RELEASE, ClusterRoleBinding.class);
        assertThat(binding.getRoleRef().getName()).isEqualTo(RenderedChart.RELEASE);
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo(chart.one("ServiceAccount").at("/metadata/name").asText());
            assertThat(subject.getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
        });
    }

    @Test
    void theGrafanaDashboardIsAConfigMapForGrafanasSidecarUnlessTurnedOff() throws IOException {
        var dashboard = RenderedChart.defaults().one("ConfigMap", ConfigMap.class);

        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(Serialization.jsonMapper().readTree(dashboard.getData().get("aicodecraft-stack.json")))
                .isEqualTo(GrafanaDashboard.json());
        assertThat(RenderedChart.withValues("grafanaDashboard: {enabled: false}").kinds()).doesNotContain("ConfigMap");
    }

    @Test
    void aServiceMonitorOfTheOperatorsMetricsServiceWhenAskedFor() {
        assertThat(RenderedChart.defaults().kinds()).doesNotContain("ServiceMonitor");
        var chart = RenderedChart.withValues("metrics: {serviceMonitor: {enabled: true}}");

        var monitor = chart.one("ServiceMonitor");
        var service = chart.one("Service", Service.class);
        assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(Serialization.jsonMapper()
                .convertValue(monitor.at("/spec/selector/matchLabels"), Map.class));
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo(service.getSpec().getPorts().getFirst().getName());
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
    }

    @Test
    void helmInstallsTheRepositoryCrd() throws IOException {
        var repositoryCrd = RenderedChart.of(Files.readString(Repository.CRD)).one("CustomResourceDefinition");

        var chartCrds = RenderedChart.of(new Helm(Repository.CHART).show().crds().call());

        assertThat(chartCrds.one("CustomResourceDefinition"))
                .as("the chart's CRD is not crds/'s; regenerate with: %s", InstallManifestsTest.REGENERATE_COMMAND)
                .isEqualTo(repositoryCrd);
    }

    @Test
    void everyObjectCarriesTheStandardLabels() {
        var chart = RenderedChart.withValues("""
                stacks:
                  - name: team-a
                    spec: {api: {image: "ghcr.io/aicodecraft/api-app:0.1.0"}}
                """);

        for (JsonNode document : chart.documents()) {
            var labels = document.at("/metadata/labels");
            assertThat(STANDARD_LABELS).as("labels of %s %s", document.path("kind").asText(),
                            document.at("/metadata/name").asText())
                    .allSatisfy(label -> assertThat(labels.path(label).asText()).isNotBlank());
        }
    }

    @Test
    void deploymentRunsTwoReplicasWithLeaderElectionOnTheOperatorsOwnHealthEndpoints() {
        var deployment = RenderedChart.defaults().one("Deployment", Deployment.class);
        Container operator = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(env(operator)).containsEntry("LEADER_ELECTION_ENABLED", "true")
                .containsEntry("WATCH_NAMESPACES", "")
                .containsEntry("HTTP_PORT", "8080")
                .containsEntry("PROBE_ENABLED", "true")
                .doesNotContainKey("PROBE_ADDRESS");
        assertThat(operator.getEnv()).filteredOn(e -> e.getName().equals("POD_NAMESPACE")).singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace"));
        assertThat(operator.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8080);
        });
        assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(operator.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(operator.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(operator.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(operator.getResources().getLimits()).containsKey("memory");
    }

    @Test
    void deploymentSetsOnlyVariablesTheOperatorReads() throws IllegalAccessException {
        var read = new java.util.HashSet<String>(List.of("JDK_JAVA_OPTIONS")); // read by the java launcher
        for (var field : OperatorSettings.class.getFields()) {
            if (field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                read.add((String) field.get(null));
            }
        }
        var container = RenderedChart.defaults().one("Deployment", Deployment.class)
                .getSpec().getTemplate().getSpec().getContainers().getFirst();

        assertThat(container.getEnv()).extracting(EnvVar::getName).isSubsetOf(read);
    }

    @Test
    void deploymentRunsWithARestrictedSecurityContext() {
        var pod = RenderedChart.defaults().one("Deployment", Deployment.class).getSpec().getTemplate().getSpec();
        var container = pod.getContainers().getFirst().getSecurityContext();

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getRunAsNonRoot()).isTrue();
        assertThat(container.getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(pod.getContainers().getFirst().getVolumeMounts())
                .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
    }

    @Test
    void leaderElectionRoleGrantsOnlyLeasesInTheOperatorsNamespace() {
        var chart = RenderedChart.defaults();
        var role = chart.one("Role", Role.class);

        assertThat(role.getMetadata().getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
        assertThat(role.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getApiGroups()).containsExactly("coordination.k8s.io");
            assertThat(rule.getResources()).containsExactly("leases");
            // fabric8's LeaseLock renews by patch
            assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "create", "update", "patch");
        });
        assertThat(chart.one("RoleBinding", RoleBinding.class).getRoleRef().getName())
                .isEqualTo(role.getMetadata().getName());
    }

    @Test
    void withoutLeaderElectionThereIsNoLeaseRoleAndOneReplicaIsRequired() {
        var chart = RenderedChart.withValues("""
                replicaCount: 1
                leaderElection: {enabled: false}
                """);

        assertThat(chart.kinds()).doesNotContain("Role", "RoleBinding");
        assertThat(env(chart.one("Deployment", Deployment.class).getSpec().getTemplate().getSpec()
                .getContainers().getFirst())).containsEntry("LEADER_ELECTION_ENABLED", "false");
        assertThatThrownBy(() -> RenderedChart.withValues("""
                replicaCount: 2
                leaderElection: {enabled: false}
                """)).hasMessageContaining("replicaCount above 1 needs leaderElection.enabled");
    }

    @Test
    void theApiProbeCanBeTurnedOffOrPointedAtAnotherAddress() {
        var chart = RenderedChart.withValues("""
                apiProbe: {enabled: false, timeout: 2s, interval: 30s, address: "http://{service}.{namespace}.example.net:{port}"}
                """);

        assertThat(env(chart.one("Deployment", Deployment.class).getSpec().getTemplate().getSpec()
                .getContainers().getFirst())).containsEntry("PROBE_ENABLED", "false")
                .containsEntry("PROBE_ADDRESS", "http://{service}.{namespace}.example.net:{port}");
    }

    @Test
    void namespacedModeGrantsARoleInEachWatchedNamespaceAndNoClusterRoleButTheCrdReader() {
        var chart = RenderedChart.withValues("""
                watch:
                  mode: namespaces
                  namespaces: [tenant-a, tenant-b]
                """);

        assertThat(chart.ofKind("ClusterRole")).extracting(role -> role.at("/metadata/name").asText())
                .containsExactly(RenderedChart.CRD_READER);
        var tenantRoles = chart.ofKind("Role", Role.class).stream()
                .filter(role -> !role.getMetadata().getNamespace().equals(RenderedChart.NAMESPACE)).toList();
        assertThat(tenantRoles).extracting(role -> role.getMetadata().getNamespace())
                .containsExactlyInAnyOrder("tenant-a", "tenant-b");
        assertThat(tenantRoles).allSatisfy(role -> assertThat(role.getRules()).extracting(PolicyRule::getResources)
                .anySatisfy(resources -> assertThat(resources).contains("aicodecraftstacks")));
        assertThat(chart.ofKind("RoleBinding", RoleBinding.class))
                .filteredOn(binding -> !binding.getMetadata().getNamespace().equals(RenderedChart.NAMESPACE))
                .extracting(binding -> binding.getMetadata().getNamespace())
                .containsExactlyInAnyOrder("tenant-a", "tenant-b");
        assertThat(env(chart.one("Deployment", Deployment.class).getSpec().getTemplate().getSpec()
                .getContainers().getFirst())).containsEntry("WATCH_NAMESPACES", "tenant-a,tenant-b");
    }

    @Test
    void stacksValuesCreateAICodeCraftStacks() {
        var chart = RenderedChart.withValues("""
                stacks:
                  - name: team-a
                    namespace: tenant-a
                    spec:
                      api: {image: "ghcr.io/aicodecraft/api-app:0.1.0", replicas: 3}
                  - name: team-b
                    spec:
                      api: {image: "ghcr.io/aicodecraft/api-app:0.1.0"}
                      deletionPolicy: Delete
                """);

        var stacks = chart.ofKind("AICodeCraftStack");
        assertThat(stacks).extracting(s -> s.at("/metadata/namespace").asText() + "/" + s.at("/metadata/name").asText())
                .containsExactly("tenant-a/team-a", RenderedChart.NAMESPACE + "/team-b");
        assertThat(stacks).allSatisfy(s -> assertThat(s.path("apiVersion").asText()).isEqualTo("aicodecraft.io/v1alpha1"));
        assertThat(stacks.get(0).at("/spec/api/replicas").asInt()).isEqualTo(3);
        assertThat(stacks.get(1).at("/spec/deletionPolicy").asText()).isEqualTo("Delete");
    }

    @Test
    void aStackOutsideTheWatchedNamespacesIsRefused() {
        assertThatThrownBy(() -> RenderedChart.withValues("""
                watch: {mode: namespaces, namespaces: [tenant-a]}
                stacks:
                  - name: team-b
                    namespace: tenant-b
                    spec: {api: {image: "ghcr.io/aicodecraft/api-app:0.1.0"}}
                """)).hasMessageContaining("stacks[0] (team-b) is in namespace tenant-b, which watch.namespaces does not list");
    }

    @Test
    void imageAndSchedulingAreConfigurable() {
        var pod = RenderedChart.withValues("""
                image: {repository: registry.example/ops/operator, tag: "1.2.3", pullPolicy: Always}
                imagePullSecrets: [{name: regcred}]
                nodeSelector: {kubernetes.io/os: linux}
                tolerations: [{key: dedicated, operator: Equal, value: platform, effect: NoSchedule}]
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms: [{matchExpressions: [{key: pool, operator: In, values: [ops]}]}]
                """).one("Deployment", Deployment.class).getSpec().getTemplate().getSpec();

        assertThat(pod.getContainers().getFirst().getImage()).isEqualTo("registry.example/ops/operator:1.2.3");
        assertThat(pod.getContainers().getFirst().getImagePullPolicy()).isEqualTo("Always");
        assertThat(pod.getImagePullSecrets()).extracting("name").containsExactly("regcred");
        assertThat(pod.getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
        assertThat(pod.getTolerations()).singleElement().satisfies(t -> assertThat(t.getKey()).isEqualTo("dedicated"));
        assertThat(pod.getAffinity().getNodeAffinity()).isNotNull();
    }

    @Test
    void imageTagDefaultsToTheChartsAppVersion() throws IOException {
        String appVersion = Files.readAllLines(Repository.CHART.resolve("Chart.yaml")).stream()
                .filter(line -> line.startsWith("appVersion:"))
                .map(line -> line.substring("appVersion:".length()).strip().replace("\"", ""))
                .findFirst().orElseThrow();

        var container = RenderedChart.defaults().one("Deployment", Deployment.class)
                .getSpec().getTemplate().getSpec().getContainers().getFirst();

        assertThat(container.getImage()).isEqualTo("ghcr.io/aicodecraft/operator:" + appVersion);
    }

    @Test
    void metricsServiceSelectsTheOperatorPodsOnTheirHttpPort() {
        var chart = RenderedChart.defaults();
        var service = chart.one("Service", io.fabric8.kubernetes.api.model.Service.class);
        var podLabels = chart.one("Deployment", Deployment.class).getSpec().getTemplate().getMetadata().getLabels();

        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http-metrics");
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        });
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}
