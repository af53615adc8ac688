package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.StackNetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Lets only the stack's own pods reach its PostgreSQL and Redis, present while spec.isolation.networkPolicies. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.NETWORK))
public class StackNetworkPolicyDependent extends DeletableDependent<NetworkPolicy> {

    public StackNetworkPolicyDependent() {
        super(NetworkPolicy.class, StackNames::networkPolicy);
    }

    @Override
    protected NetworkPolicy desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackNetworkPolicy.build(stack);
    }
}
