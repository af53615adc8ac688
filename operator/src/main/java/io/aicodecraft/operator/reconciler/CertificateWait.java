package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.dependent.CrdInstalledCondition;
import io.aicodecraft.operator.dependent.StackSecrets;
import io.aicodecraft.operator.model.StackTls;
import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.certmanager.api.model.v1.CertificateCondition;
import io.javaoperatorsdk.operator.api.reconciler.Context;

import java.util.Optional;

/**
 * Why a managed server waits for its certificate from cert-manager ({@code spec.tls.issuerRef}): cert-manager is not
 * installed, or it has not written the Secret yet, in the words of the Certificate's Ready condition.
 */
final class CertificateWait {

    static final String REASON = "WaitingForCertificate";

    private CertificateWait() {
    }

    /** The reason {@code type} is False, while the server's Secret {@code secret} is missing. */
    static Optional<ConditionState> of(AICodeCraftStack stack, Context<AICodeCraftStack> context, String type,
                                       String secret) {
        if (!StackTls.certManager(stack) || StackSecrets.present(context, secret)) {
            return Optional.empty();
        }
        if (!CrdInstalledCondition.installed(Certificate.class, stack, context)) {
            return Optional.of(new ConditionState(type, false, REASON, ("spec.tls.issuerRef is set, but cert-manager is"
                    + " not installed (no CustomResourceDefinition certificates.cert-manager.io the operator may read): install cert-manager,"
                    + " or remove spec.tls.issuerRef to use the stack's own CA; Secret %s is missing").formatted(secret)));
        }
        String issuing = context.getSecondaryResourcesAsStream(Certificate.class)
                .filter(certificate -> secret.equals(certificate.getMetadata().getName()))
                .findFirst()
                .flatMap(CertificateWait::ready)
                .map(ready -> "; Certificate " + secret + ": " + ready.getReason() + ": " + ready.getMessage())
                .orElse("");
        return Optional.of(new ConditionState(type, false, REASON,
                "waiting for cert-manager to write Secret %s%s".formatted(secret, issuing)));
    }

    private static Optional<CertificateCondition> ready(Certificate certificate) {
        return certificate.getStatus() == null || certificate.getStatus().getConditions() == null ? Optional.empty()
                : certificate.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
    }
}
