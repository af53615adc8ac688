package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.RedisService;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed Redis's Service. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.CACHE))
public class RedisServiceDependent extends DeletableDependent<Service> {

    public RedisServiceDependent() {
        super(Service.class, StackNames::redis);
    }

    @Override
    protected Service desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return RedisService.build(stack);
    }
}
