package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.workflow.CRDPresentActivationCondition;

import java.time.Duration;

/**
 * Activation condition of the cert-manager Certificates: cert-manager's Certificate CRD is in the cluster. Without it
 * JOSDK registers no informer for the kind, so an operator in a cluster without cert-manager starts as before. A
 * missing CRD is looked for again once a minute, for as long as the operator runs, so installing cert-manager later
 * needs no restart (JOSDK's default gives up after ten tries).
 */
public class CertManagerInstalledCondition extends CRDPresentActivationCondition<Certificate, AICodeCraftStack> {

    private static final Duration RECHECK = Duration.ofMinutes(1);

    /** Stands for the Certificate dependents where none is at hand: the CRD check reads only the resource type. */
    private static final DependentResource<Certificate, AICodeCraftStack> CERTIFICATES = new DependentResource<>() {
        @Override
        public ReconcileResult<Certificate> reconcile(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
            throw new UnsupportedOperationException("only the resource type is read");
        }

        @Override
        public Class<Certificate> resourceType() {
            return Certificate.class;
        }
    };

    public CertManagerInstalledCondition() {
        super(Integer.MAX_VALUE, RECHECK);
    }

    /** A CRD the operator may not read counts as absent: the reconcile goes on, and the status says it. */
    @Override
    public boolean isMet(DependentResource<Certificate, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        try {
            return super.isMet(dependent, stack, context);
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    /** Whether the CRD was there when last looked for (the check shared with the activation). */
    public static boolean installed(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new CertManagerInstalledCondition().isMet(CERTIFICATES, stack, context);
    }
}
