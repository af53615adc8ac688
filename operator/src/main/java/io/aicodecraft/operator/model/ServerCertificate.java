package io.aicodecraft.operator.model;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The certificate and key, as PEM, that a managed PostgreSQL or Redis serves TLS with. */
public record ServerCertificate(String certificate, String privateKey) {

    static final Duration VALIDITY = Duration.ofDays(365);
    /** Renewed this long before it expires, so a missed reconcile or two never lets it lapse. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final int DNS_NAME = 2;

    /**
     * Whether this certificate can go on serving at {@code now}: readable with its key, signed by {@code ca}, for
     * exactly {@code dnsNames}, and not yet within {@link #RENEW_BEFORE} of its end. Anything else is reissued.
     */
    public boolean current(CertificateAuthority ca, List<String> dnsNames, Instant now) {
        Optional<X509Certificate> parsed = Pem.certificate(certificate);
        Optional<PublicKey> caKey = ca.publicKey();
        if (parsed.isEmpty() || caKey.isEmpty() || Pem.privateKey(privateKey).isEmpty()) {
            return false;
        }
        X509Certificate served = parsed.get();
        try {
            served.verify(caKey.get());
        } catch (GeneralSecurityException e) {
            return false;
        }
        return dnsNames(served).equals(Set.copyOf(dnsNames))
                && now.isBefore(served.getNotAfter().toInstant().minus(RENEW_BEFORE));
    }

    /** When this certificate expires, if it is readable. */
    public Optional<Instant> notAfter() {
        return Pem.certificate(certificate).map(c -> c.getNotAfter().toInstant());
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ServerCertificate[redacted]";
    }

    private static Set<String> dnsNames(X509Certificate certificate) {
        Set<String> names = new HashSet<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                alternatives.stream().filter(name -> Integer.valueOf(DNS_NAME).equals(name.get(0)))
                        .forEach(name -> names.add((String) name.get(1)));
            }
        } catch (CertificateParsingException e) {
            return Set.of();
        }
        return names;
    }
}
