package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.ApiHorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The API's autoscaler, present while spec.api.autoscaling.enabled. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.API))
public class ApiHorizontalPodAutoscalerDependent extends DeletableDependent<HorizontalPodAutoscaler> {

    public ApiHorizontalPodAutoscalerDependent() {
        super(HorizontalPodAutoscaler.class, StackNames::api);
    }

    @Override
    protected HorizontalPodAutoscaler desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return ApiHorizontalPodAutoscaler.build(stack);
    }
}
