package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.RedisDataClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition: the Redis data claim is created while a managed Redis persists its data; the claim is not a Deleter, so turning persistence off keeps the data (the builder's own rule, {@link RedisDataClaim#applies}). */
public class RedisPersistenceCondition implements Condition<PersistentVolumeClaim, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<PersistentVolumeClaim, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return RedisDataClaim.applies(stack);
    }
}
