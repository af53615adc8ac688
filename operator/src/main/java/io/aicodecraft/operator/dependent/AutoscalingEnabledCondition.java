package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.ApiHorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition: the API's autoscaler exists while autoscaling is enabled, so it is deleted when that no longer holds (the builder's own rule, {@link ApiHorizontalPodAutoscaler#applies}). */
public class AutoscalingEnabledCondition implements Condition<HorizontalPodAutoscaler, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<HorizontalPodAutoscaler, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return ApiHorizontalPodAutoscaler.applies(stack);
    }
}
