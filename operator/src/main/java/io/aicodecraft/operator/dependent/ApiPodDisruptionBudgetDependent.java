package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.ApiPodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Keeps one API pod serving through voluntary disruptions, present while the API runs more than one pod. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.API))
public class ApiPodDisruptionBudgetDependent extends DeletableDependent<PodDisruptionBudget> {

    public ApiPodDisruptionBudgetDependent() {
        super(PodDisruptionBudget.class, StackNames::api);
    }

    @Override
    protected PodDisruptionBudget desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return ApiPodDisruptionBudget.build(stack);
    }
}
