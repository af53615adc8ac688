package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.CertificateStatus;
import io.aicodecraft.operator.crd.TlsStatus;
import io.aicodecraft.operator.dependent.StackSecrets;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.StackTls;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Instant;
import java.util.Optional;

/** status.tls: which Secret holds each certificate in use and when it expires, read from the informers' caches. */
final class TlsStatuses {

    private TlsStatuses() {
    }

    static Optional<TlsStatus> of(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        boolean postgres = StackTls.postgres(stack);
        boolean redis = StackTls.redis(stack);
        if (!postgres && !redis) {
            return Optional.empty();
        }
        var status = new TlsStatus();
        StackSecrets.certificateAuthority(stack, context).flatMap(ca -> ca.notAfter())
                .ifPresent(end -> status.setCa(certificate(StackNames.certificateAuthority(stack), end)));
        if (postgres) {
            StackSecrets.postgresCertificate(stack, context).flatMap(certificate -> certificate.notAfter())
                    .ifPresent(end -> status.setPostgres(certificate(StackNames.postgresTls(stack), end)));
        }
        if (redis) {
            StackSecrets.redisCertificate(stack, context).flatMap(certificate -> certificate.notAfter())
                    .ifPresent(end -> status.setRedis(certificate(StackNames.redisTls(stack), end)));
        }
        return Optional.of(status);
    }

    private static CertificateStatus certificate(String secret, Instant notAfter) {
        return new CertificateStatus(secret, notAfter.toString());
    }
}
