package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.ApiServiceMonitor;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The ServiceMonitor of the API's metrics, while monitoring is on; deleted when it is turned off. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.API))
public class ApiServiceMonitorDependent extends DeletableDependent<ServiceMonitor> {

    public ApiServiceMonitorDependent() {
        super(ServiceMonitor.class, StackNames::api);
    }

    @Override
    protected ServiceMonitor desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return ApiServiceMonitor.build(stack);
    }
}
