package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackNetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition: the NetworkPolicy exists while isolation is on and the stack runs a managed PostgreSQL or Redis, so it is deleted when that no longer holds (the builder's own rule, {@link StackNetworkPolicy#applies}). */
public class NetworkIsolationCondition implements Condition<NetworkPolicy, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<NetworkPolicy, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return StackNetworkPolicy.applies(stack);
    }
}
