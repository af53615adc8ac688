package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Ready post-condition: the Deployment's pods of its current spec are available. */
public class DeploymentAvailableCondition implements Condition<Deployment, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<Deployment, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return dependent.getSecondaryResource(stack, context).map(WorkloadReadiness::available).orElse(false);
    }
}
