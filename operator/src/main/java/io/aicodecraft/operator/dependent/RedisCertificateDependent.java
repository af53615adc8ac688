package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.CertManagerCertificate;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.certmanager.api.model.v1.Certificate;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The managed Redis's cert-manager Certificate, applied while the stack has {@code spec.tls.issuerRef} and deleted
 * when it no longer has; the Secret cert-manager wrote stays, and the stack's own CA issues into it again.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.CACHE))
public class RedisCertificateDependent extends DeletableDependent<Certificate> {

    public RedisCertificateDependent() {
        super(Certificate.class, StackNames::redisTls);
    }

    @Override
    protected Certificate desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return CertManagerCertificate.redis(stack);
    }
}
