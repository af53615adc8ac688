package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.ApiSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

/** Lets node drains take one API pod at a time, so a stack with several pods keeps serving. */
public final class ApiPodDisruptionBudget {

    private ApiPodDisruptionBudget() {
    }

    /** Only with more than one API pod: with one, a budget would block every drain. */
    public static boolean applies(AICodeCraftStack stack) {
        ApiSpec api = stack.getSpec().getApi();
        int fewestPods = api.getAutoscaling().isEnabled() ? api.getAutoscaling().getMinReplicas() : api.getReplicas();
        return fewestPods > 1;
    }

    public static PodDisruptionBudget build(AICodeCraftStack stack) {
        return new PodDisruptionBudgetBuilder()
                .withMetadata(StackComponent.API.metadata(stack, StackNames.api(stack)))
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(1))
                .withNewSelector().withMatchLabels(StackComponent.API.selector(stack)).endSelector()
                .endSpec()
                .build();
    }
}
