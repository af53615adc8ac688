package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackAlerts;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The PrometheusRule of the stack's alerts, while monitoring is on; deleted when it is turned off. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.API))
public class StackAlertsDependent extends DeletableDependent<PrometheusRule> {

    public StackAlertsDependent() {
        super(PrometheusRule.class, StackNames::alerts);
    }

    @Override
    protected PrometheusRule desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackAlerts.build(stack);
    }
}
