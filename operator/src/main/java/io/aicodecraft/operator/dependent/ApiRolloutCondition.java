package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.PoolPlan;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile pre-condition of the API Deployment, the migration gate: the migration Job of the
 * current image succeeded, the API has a database login, Redis is ready and the pool plan fits. While it does not hold, the
 * Deployment is neither created nor updated (nor deleted), so the previous image keeps serving.
 */
public class ApiRolloutCondition implements Condition<Deployment, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<Deployment, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return PoolPlan.of(stack.getSpec()).fits()
                && StackWorkloads.migrationSucceeded(stack, context)
                && StackWorkloads.loginGranted(stack, context)
                && StackWorkloads.redisReady(stack, context);
    }
}
