package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.ApiService;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The API's Service, which the operator's active probe calls. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.API))
public class ApiServiceDependent extends DeletableDependent<Service> {

    public ApiServiceDependent() {
        super(Service.class, StackNames::api);
    }

    @Override
    protected Service desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return ApiService.build(stack);
    }
}
