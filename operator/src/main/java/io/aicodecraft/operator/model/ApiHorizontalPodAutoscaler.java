package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.AutoscalingSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;

/** Scales the API on CPU between the spec's bounds; maxReplicas is what the pool plan sizes for. */
public final class ApiHorizontalPodAutoscaler {

    private ApiHorizontalPodAutoscaler() {
    }

    public static boolean applies(AICodeCraftStack stack) {
        return stack.getSpec().getApi().getAutoscaling().isEnabled();
    }

    public static HorizontalPodAutoscaler build(AICodeCraftStack stack) {
        AutoscalingSpec autoscaling = stack.getSpec().getApi().getAutoscaling();
        return new HorizontalPodAutoscalerBuilder()
                .withMetadata(StackComponent.API.metadata(stack, StackNames.api(stack)))
                .withNewSpec()
                .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(StackNames.api(stack))
                .endScaleTargetRef()
                .withMinReplicas(autoscaling.getMinReplicas())
                .withMaxReplicas(autoscaling.getMaxReplicas())
                .addNewMetric()
                .withType("Resource")
                .withNewResource()
                .withName("cpu")
                .withNewTarget().withType("Utilization")
                .withAverageUtilization(autoscaling.getTargetCPUUtilizationPercentage()).endTarget()
                .endResource()
                .endMetric()
                .endSpec()
                .build();
    }
}
