package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitorBuilder;

/**
 * The Prometheus Operator's PodMonitor of an exporter container in a stack's pod (PostgresExporter, RedisExporter):
 * the component's pods, by their selector labels, on the exporter's named port. Prometheus adds the {@code namespace}
 * and {@code pod} labels the stack's alerts (StackAlerts) and the dashboard select on.
 */
public final class ExporterPodMonitor {

    private ExporterPodMonitor() {
    }

    public static PodMonitor postgres(AICodeCraftStack stack) {
        return build(stack, StackComponent.DATABASE, StackNames.postgres(stack), PostgresExporter.PORT_NAME);
    }

    public static PodMonitor redis(AICodeCraftStack stack) {
        return build(stack, StackComponent.CACHE, StackNames.redis(stack), RedisExporter.PORT_NAME);
    }

    private static PodMonitor build(AICodeCraftStack stack, StackComponent component, String name, String port) {
        return new PodMonitorBuilder()
                .withMetadata(component.metadata(stack, name))
                .withNewSpec()
                .withNewSelector().withMatchLabels(component.selector(stack)).endSelector()
                .addNewPodMetricsEndpoint().withPort(port).withPath("/metrics").withInterval(ApiServiceMonitor.INTERVAL)
                .endPodMetricsEndpoint()
                .endSpec()
                .build();
    }
}
