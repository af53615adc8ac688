package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.PostgresService;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed PostgreSQL's headless Service. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.DATABASE))
public class PostgresServiceDependent extends CRUDKubernetesDependentResource<Service, AICodeCraftStack> {

    public PostgresServiceDependent() {
        super(Service.class);
    }

    @Override
    protected Service desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return PostgresService.build(stack);
    }
}
