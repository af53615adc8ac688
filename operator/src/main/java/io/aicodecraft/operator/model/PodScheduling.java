package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.SchedulingSpec;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Where a component's pods run: the spec's {@code scheduling} passed to the pod spec as it is, and for the API pods
 * a default that keeps one zone's or one node's failure from taking every pod: a soft spread across zones and nodes
 * (per rollout revision), and with several pods a preference for different nodes. Soft, so a small cluster still
 * schedules every pod; the spec's own constraints or affinity replace the defaults.
 */
final class PodScheduling {

    static final String ZONE = "topology.kubernetes.io/zone";
    static final String HOSTNAME = "kubernetes.io/hostname";
    /** The Deployment's label of a revision's pods: the spread counts the new revision's pods apart from the old. */
    private static final String REVISION = "pod-template-hash";

    private PodScheduling() {
    }

    /** {@code template} with {@code scheduling}, as the spec gives it. */
    static PodTemplateSpec apply(PodTemplateSpec template, SchedulingSpec scheduling) {
        if (scheduling == null) {
            return template;
        }
        var spec = template.getSpec();
        spec.setPriorityClassName(scheduling.getPriorityClassName());
        if (scheduling.getNodeSelector() != null && !scheduling.getNodeSelector().isEmpty()) {
            spec.setNodeSelector(new LinkedHashMap<>(scheduling.getNodeSelector()));
        }
        if (scheduling.getTolerations() != null && !scheduling.getTolerations().isEmpty()) {
            spec.setTolerations(new ArrayList<>(scheduling.getTolerations()));
        }
        spec.setAffinity(scheduling.getAffinity());
        if (scheduling.getTopologySpreadConstraints() != null && !scheduling.getTopologySpreadConstraints().isEmpty()) {
            spec.setTopologySpreadConstraints(new ArrayList<>(scheduling.getTopologySpreadConstraints()));
        }
        return template;
    }

    /** The API pods: the spec's scheduling, and the default spread where the spec sets none. */
    static PodTemplateSpec api(PodTemplateSpec template, AICodeCraftStack stack, int apiPodsMax) {
        SchedulingSpec scheduling = stack.getSpec().getApi().getScheduling();
        apply(template, scheduling);
        var spec = template.getSpec();
        if (spec.getTopologySpreadConstraints() == null || spec.getTopologySpreadConstraints().isEmpty()) {
            spec.setTopologySpreadConstraints(List.of(softSpread(stack, ZONE), softSpread(stack, HOSTNAME)));
        }
        if (spec.getAffinity() == null && apiPodsMax > 1) {
            spec.setAffinity(differentNodes(stack));
        }
        return template;
    }

    private static TopologySpreadConstraint softSpread(AICodeCraftStack stack, String topologyKey) {
        return new TopologySpreadConstraintBuilder()
                .withMaxSkew(1)
                .withTopologyKey(topologyKey)
                .withWhenUnsatisfiable("ScheduleAnyway")
                .withNewLabelSelector().withMatchLabels(StackComponent.API.selector(stack)).endLabelSelector()
                .withMatchLabelKeys(REVISION)
                .build();
    }

    private static Affinity differentNodes(AICodeCraftStack stack) {
        return new AffinityBuilder()
                .withNewPodAntiAffinity()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution()
                .withWeight(100)
                .withNewPodAffinityTerm()
                .withNewLabelSelector().withMatchLabels(StackComponent.API.selector(stack)).endLabelSelector()
                .withTopologyKey(HOSTNAME)
                .endPodAffinityTerm()
                .endPreferredDuringSchedulingIgnoredDuringExecution()
                .endPodAntiAffinity()
                .build();
    }
}
