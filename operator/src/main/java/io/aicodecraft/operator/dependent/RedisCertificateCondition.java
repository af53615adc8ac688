package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.CertManagerCertificate;
import io.fabric8.certmanager.api.model.v1.Certificate;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition of the managed Redis's cert-manager Certificate: the stack asks cert-manager. */
public class RedisCertificateCondition implements Condition<Certificate, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<Certificate, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return CertManagerCertificate.redisApplies(stack);
    }
}
