package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.ApiPodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition: the API's disruption budget exists while the API never runs fewer than two pods, so it is deleted when that no longer holds (the builder's own rule, {@link ApiPodDisruptionBudget#applies}). */
public class MultipleApiPodsCondition implements Condition<PodDisruptionBudget, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<PodDisruptionBudget, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return ApiPodDisruptionBudget.applies(stack);
    }
}
