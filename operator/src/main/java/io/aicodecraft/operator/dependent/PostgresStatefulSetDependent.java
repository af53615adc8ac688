package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.PoolPlan;
import io.aicodecraft.operator.model.PostgresStatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed PostgreSQL: one StatefulSet with its volume claim, max_connections from the pool plan. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.DATABASE))
public class PostgresStatefulSetDependent extends DeletableDependent<StatefulSet> {

    public PostgresStatefulSetDependent() {
        super(StatefulSet.class, StackNames::postgres);
    }

    @Override
    protected StatefulSet desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return PostgresStatefulSet.build(stack, PoolPlan.of(stack.getSpec()));
    }
}
