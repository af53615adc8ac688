package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitorBuilder;

/**
 * The Prometheus Operator's ServiceMonitor of the API's {@code /metrics}: the stack's API Service, by the labels it
 * carries, on its named port. Prometheus adds the {@code namespace} and {@code service} labels the stack's alerts
 * (StackAlerts) select on.
 */
public final class ApiServiceMonitor {

    static final String INTERVAL = "30s";

    private ApiServiceMonitor() {
    }

    public static boolean applies(AICodeCraftStack stack) {
        return stack.getSpec().getMonitoring().isEnabled();
    }

    public static ServiceMonitor build(AICodeCraftStack stack) {
        return new ServiceMonitorBuilder()
                .withMetadata(StackComponent.API.metadata(stack, StackNames.api(stack)))
                .withNewSpec()
                .withNewSelector().withMatchLabels(ApiService.build(stack).getMetadata().getLabels()).endSelector()
                .addNewEndpoint().withPort(ApiService.PORT_NAME).withPath("/metrics").withInterval(INTERVAL).endEndpoint()
                .endSpec()
                .build();
    }
}
