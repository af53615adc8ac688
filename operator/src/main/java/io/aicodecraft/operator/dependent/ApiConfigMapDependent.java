package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.ApiConfigMap;
import io.aicodecraft.operator.model.PoolPlan;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The API's {@code AICC_*} configuration. Gated on the pool plan fitting: a plan that does not fit
 * leaves the last good configuration in place (not a Deleter), so no pod restart can pick it up.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.API))
public class ApiConfigMapDependent extends StackOwnedDependent<ConfigMap>
        implements Creator<ConfigMap, AICodeCraftStack>, Updater<ConfigMap, AICodeCraftStack> {

    public ApiConfigMapDependent() {
        super(ConfigMap.class);
    }

    @Override
    protected ConfigMap desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return ApiConfigMap.build(stack, PoolPlan.of(stack.getSpec()));
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(StackNames.apiConfig(stack), stack.getMetadata().getNamespace());
    }
}
