package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.ApiConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition of the API configuration: the pool plan fits PostgreSQL's max_connections. */
public class PoolPlanFitsCondition implements Condition<ConfigMap, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<ConfigMap, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return ApiConfigMap.applies(stack);
    }
}
