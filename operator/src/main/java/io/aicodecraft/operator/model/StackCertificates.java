package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;

import java.time.Instant;

/** The certificates of a stack's render: its CA, and a server certificate each for PostgreSQL and Redis. */
public record StackCertificates(CertificateAuthority ca, ServerCertificate postgres, ServerCertificate redis) {

    /** New ones, as the operator makes them for a new stack. */
    public static StackCertificates issue(AICodeCraftStack stack, Instant now) {
        CertificateAuthority ca = CertificateAuthority.create(StackTls.caCommonName(stack), now);
        return new StackCertificates(ca, ca.issue(StackTls.dnsNames(stack, StackNames.postgres(stack)), now),
                ca.issue(StackTls.dnsNames(stack, StackNames.redis(stack)), now));
    }

    /** Stand-ins for offline rendering: clearly no certificates, and the same on every run. */
    public static StackCertificates placeholders() {
        return new StackCertificates(new CertificateAuthority("placeholder-ca-certificate", "placeholder-ca-key"),
                new ServerCertificate("placeholder-postgres-certificate", "placeholder-postgres-key"),
                new ServerCertificate("placeholder-redis-certificate", "placeholder-redis-key"));
    }
}
