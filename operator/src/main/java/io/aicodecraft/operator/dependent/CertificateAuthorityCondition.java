package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackTls;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition of the stack's CA: it has a managed PostgreSQL or Redis to sign certificates for. */
public class CertificateAuthorityCondition implements Condition<HasMetadata, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<HasMetadata, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return StackTls.certificatesApply(stack);
    }
}
