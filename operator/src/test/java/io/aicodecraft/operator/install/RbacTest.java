package io.aicodecraft.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.probe.ProbeResult;
import io.aicodecraft.operator.reconciler.AICodeCraftStackReconciler;
import io.aicodecraft.operator.reconciler.StackOperatorOptions;
import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.api.config.BaseConfigurationService;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The chart grants exactly what the operator uses: the kinds and verbs are derived from the
 * reconciler's workflow at test time ({@link OperatorPermissions}), so a new dependent without a
 * grant, or a grant no code needs any more, fails here.
 */
class RbacTest {

    /**
     * What the reconciler does beside its workflow, each with the code that does it: EventRecorder
     * creates core/v1 Events on the stack and patches the count of one a repeat repeats; SupersededJobs deletes the migration Jobs of earlier
     * images; StackPods is an informer of the stacks' pods. The active probe reads nothing from the API
     * server: it calls the API's Service over HTTP.
     */
    private static final Map<GroupResource, Set<String>> BESIDE_THE_WORKFLOW = Map.of(
            GroupResource.of(Event.class), Set.of("create", "patch"),
            GroupResource.of(Job.class), Set.of("delete"),
            GroupResource.of(Pod.class), Set.of("list", "watch"));

    private static final Map<GroupResource, Set<String>> NEEDED = OperatorPermissions.of(
            AICodeCraftStackReconciler.class, AICodeCraftStack.class, BESIDE_THE_WORKFLOW);

    @Test
    void theReconcilersOwnEventSourcesAreAccountedForHere() {
        // the derivation sees the workflow's informers only; an event source of the reconciler's own
        // that reads the API server needs its kind in BESIDE_THE_WORKFLOW
        var reconciler = new AICodeCraftStackReconciler(StackOperatorOptions.defaults());
        List<EventSource<?, AICodeCraftStack>> sources;
        // the client is never connected: building the event sources reads nothing
        try (var client = new KubernetesClientBuilder().build()) {
            var configuration = new BaseConfigurationService().getConfigurationFor(reconciler);
            sources = reconciler.prepareEventSources(
                    new EventSourceContext<>(null, configuration, client, AICodeCraftStack.class));
        }

        assertThat(sources).<Class<?>>extracting(EventSource::resourceType)
                .as("AICodeCraftStackReconciler's event sources: add the kinds they read to RbacTest")
                .containsExactlyInAnyOrder(Pod.class, ProbeResult.class);
    }

    @Test
    void theDerivationSeesTheWorkflowsKinds() {
        // guards the derivation itself: these are kinds the design names (DESIGN.md sections 3 and 4)
        assertThat(NEEDED.keySet()).extracting(GroupResource::toString).contains(
                "aicodecraft.io aicodecraftstacks", "aicodecraft.io aicodecraftstacks/status", "core secrets",
                "core configmaps", "core services", "apps statefulsets", "apps deployments", "batch jobs");
    }

    @Test
    void clusterRoleGrantsEveryKindAndVerbTheOperatorUses() {
        var granted = OperatorPermissions.granted(RenderedChart.defaults().named("ClusterRole", RenderedChart.RELEASE, ClusterRole.class).getRules());

        assertThat(missing(NEEDED, granted)).as("needed by the operator but not granted by the ClusterRole").isEmpty();
    }

    @Test
    void clusterRoleGrantsNoVerbTheOperatorNeverUses() {
        var granted = OperatorPermissions.granted(RenderedChart.defaults().named("ClusterRole", RenderedChart.RELEASE, ClusterRole.class).getRules());

        assertThat(missing(granted, NEEDED)).as("granted by the ClusterRole but never used by the operator").isEmpty();
    }

    @Test
    void rulesNameNoWildcards() {
        List<PolicyRule> rules = RenderedChart.defaults().named("ClusterRole", RenderedChart.RELEASE, ClusterRole.class).getRules();

        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.getApiGroups()).doesNotContain("*");
            assertThat(rule.getResources()).doesNotContain("*");
            assertThat(rule.getVerbs()).doesNotContain("*");
        });
    }

    @Test
    void eachWatchedNamespacesRoleGrantsExactlyWhatTheOperatorUses() {
        var chart = RenderedChart.withValues("watch: {mode: namespaces, namespaces: [tenant-a, tenant-b]}");

        var tenantRoles = chart.ofKind("Role", Role.class).stream()
                .filter(role -> !role.getMetadata().getNamespace().equals(RenderedChart.NAMESPACE)).toList();
        assertThat(tenantRoles).hasSize(2);
        for (Role role : tenantRoles) {
            assertThat(OperatorPermissions.granted(role.getRules()))
                    .as("Role in %s", role.getMetadata().getNamespace()).isEqualTo(NEEDED);
        }
    }

    @Test
    void inEitherWatchModeTheOperatorMayReadTheCrdsOfTheOtherProjectsKindsAndNoOther() {
        // CrdInstalledCondition (JOSDK's CRD check) reads each CRD by name
        for (var chart : List.of(RenderedChart.defaults(),
                RenderedChart.withValues("watch: {mode: namespaces, namespaces: [tenant-a]}"))) {
            var reader = chart.named("ClusterRole", RenderedChart.CRD_READER, ClusterRole.class);
            assertThat(reader.getRules()).singleElement().satisfies(rule -> {
                assertThat(rule.getApiGroups()).containsExactly("apiextensions.k8s.io");
                assertThat(rule.getResources()).containsExactly("customresourcedefinitions");
                assertThat(rule.getResourceNames()).containsExactlyInAnyOrder(HasMetadata.getFullResourceName(Certificate.class),
                        HasMetadata.getFullResourceName(ServiceMonitor.class), HasMetadata.getFullResourceName(PodMonitor.class),
                        HasMetadata.getFullResourceName(PrometheusRule.class));
                assertThat(rule.getVerbs()).containsExactly("get");
            });
            assertThat(chart.named("ClusterRoleBinding", RenderedChart.CRD_READER, ClusterRoleBinding.class).getRoleRef()
                    .getName()).isEqualTo(RenderedChart.CRD_READER);
        }
    }

    /** Each resource's verbs in {@code wanted} that {@code have} lacks, as readable lines. */
    private static Set<String> missing(Map<GroupResource, Set<String>> wanted, Map<GroupResource, Set<String>> have) {
        var lines = new TreeSet<String>();
        wanted.forEach((resource, verbs) -> {
            var absent = new TreeSet<>(verbs);
            absent.removeAll(have.getOrDefault(resource, Set.of()));
            if (!absent.isEmpty()) {
                lines.add(resource + ": " + absent);
            }
        });
        return lines;
    }
}
