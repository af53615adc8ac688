package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.CaSecret;
import io.aicodecraft.operator.model.CertificateAuthority;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.StackTls;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import java.time.Instant;

/**
 * The stack's CA Secret: made once, never updated (a Creator only), so its key never changes under the certificates
 * it signed. Deleting the Secret makes a new CA, and with it new server certificates, which roll the pods.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.TLS))
public class CertificateAuthorityDependent extends StackOwnedDependent<Secret> implements Creator<Secret, AICodeCraftStack> {

    public CertificateAuthorityDependent() {
        super(Secret.class);
    }

    /** With {@code spec.tls.issuerRef} cert-manager's issuer signs instead: no CA is made (one made before stays). */
    @Override
    public ReconcileResult<Secret> reconcile(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackTls.certManager(stack) ? ReconcileResult.noOperation(getSecondaryResource(stack, context).orElse(null))
                : super.reconcile(stack, context);
    }

    @Override
    protected Secret desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return CaSecret.build(stack, CertificateAuthority.create(StackTls.caCommonName(stack), Instant.now()));
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(StackNames.certificateAuthority(stack), stack.getMetadata().getNamespace());
    }
}
