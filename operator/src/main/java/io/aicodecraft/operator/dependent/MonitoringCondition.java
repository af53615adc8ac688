package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.ApiServiceMonitor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition of the ServiceMonitor and the alerts: {@code spec.monitoring.enabled}. */
public class MonitoringCondition implements Condition<HasMetadata, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<HasMetadata, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return ApiServiceMonitor.applies(stack);
    }
}
