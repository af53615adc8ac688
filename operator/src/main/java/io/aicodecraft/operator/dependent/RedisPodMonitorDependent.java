package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.ExporterPodMonitor;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The PodMonitor of the managed Redis's exporter, while monitoring is on; deleted when it is turned off. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.CACHE))
public class RedisPodMonitorDependent extends DeletableDependent<PodMonitor> {

    public RedisPodMonitorDependent() {
        super(PodMonitor.class, StackNames::redis);
    }

    @Override
    protected PodMonitor desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return ExporterPodMonitor.redis(stack);
    }
}
