package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Ready post-condition: the StatefulSet's pods of its current spec are ready. */
public class StatefulSetReadyCondition implements Condition<StatefulSet, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<StatefulSet, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return dependent.getSecondaryResource(stack, context).map(WorkloadReadiness::ready).orElse(false);
    }
}
