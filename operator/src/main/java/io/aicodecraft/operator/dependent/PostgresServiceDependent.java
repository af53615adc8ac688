package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.PostgresService;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed PostgreSQL's headless Service. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.DATABASE))
public class PostgresServiceDependent extends DeletableDependent<Service> {

    public PostgresServiceDependent() {
        super(Service.class, StackNames::postgres);
    }

    @Override
    protected Service desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return PostgresService.build(stack);
    }
}
