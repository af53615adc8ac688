package io.aicodecraft.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The API pods' default spread, and what of the spec replaces it. */
class PodSchedulingTest {

    private static PodSpec apiPod(AICodeCraftStack stack) {
        PoolPlan plan = PoolPlan.of(stack.getSpec());
        return ApiDeployment.build(stack, plan, new ApiRollout("hash", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())).getSpec().getTemplate().getSpec();
    }

    @Test
    void onePodSpreadsButHasNoNodePreference() {
        var stack = TestStacks.minimal("ns", "team-a");
        stack.getSpec().getApi().setReplicas(1);

        var pod = apiPod(stack);

        assertThat(pod.getTopologySpreadConstraints()).extracting("topologyKey")
                .containsExactly(PodScheduling.ZONE, PodScheduling.HOSTNAME);
        assertThat(pod.getAffinity()).isNull();
    }

    @Test
    void theSpecsOwnAffinityAndConstraintsReplaceTheDefaults() {
        var stack = TestStacks.minimal("ns", "team-a");
        var affinity = new AffinityBuilder().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm().addNewMatchExpression().withKey("pool").withOperator("In").withValues("api")
                .endMatchExpression().endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution()
                .endNodeAffinity().build();
        var constraint = new TopologySpreadConstraintBuilder().withMaxSkew(2).withTopologyKey("rack")
                .withWhenUnsatisfiable("DoNotSchedule").build();
        stack.getSpec().getApi().getScheduling().setAffinity(affinity);
        stack.getSpec().getApi().getScheduling().setTopologySpreadConstraints(List.of(constraint));

        var pod = apiPod(stack);

        assertThat(pod.getAffinity()).isEqualTo(affinity);
        assertThat(pod.getTopologySpreadConstraints()).containsExactly(constraint);
    }
}
