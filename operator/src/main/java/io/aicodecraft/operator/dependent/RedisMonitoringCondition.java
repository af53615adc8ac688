package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.RedisExporter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition of the Redis exporter's PodMonitor: a managed Redis with monitoring on. */
public class RedisMonitoringCondition implements Condition<HasMetadata, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<HasMetadata, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return RedisExporter.applies(stack);
    }
}
