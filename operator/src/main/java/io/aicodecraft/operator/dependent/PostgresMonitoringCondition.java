package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.PostgresExporter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition of the PostgreSQL exporter's PodMonitor: a managed PostgreSQL with monitoring on. */
public class PostgresMonitoringCondition implements Condition<HasMetadata, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<HasMetadata, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return PostgresExporter.applies(stack);
    }
}
