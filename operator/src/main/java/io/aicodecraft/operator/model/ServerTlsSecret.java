package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate Secrets (kubernetes.io/tls) the managed PostgreSQL and Redis serve TLS with: certificate, key, and
 * the CA that signed them, so a server's mount holds everything it names.
 */
public final class ServerTlsSecret {

    private static final String TYPE = "kubernetes.io/tls";

    private ServerTlsSecret() {
    }

    public static Secret postgres(AICodeCraftStack stack, ServerCertificate certificate, CertificateAuthority ca) {
        return build(stack, StackComponent.DATABASE, StackNames.postgresTls(stack), certificate, ca);
    }

    public static Secret redis(AICodeCraftStack stack, ServerCertificate certificate, CertificateAuthority ca) {
        return build(stack, StackComponent.CACHE, StackNames.redisTls(stack), certificate, ca);
    }

    /** The certificate a Secret read back holds. */
    public static ServerCertificate read(Secret secret) {
        return new ServerCertificate(SecretData.value(secret, StackNames.TLS_CERTIFICATE_KEY),
                SecretData.value(secret, StackNames.TLS_KEY_KEY));
    }

    /** The CA certificate a Secret read back holds beside the server's, if any (cert-manager's issuers may put none). */
    public static Optional<String> ca(Secret secret) {
        return Optional.ofNullable(SecretData.value(secret, StackNames.CA_CERTIFICATE_KEY)).filter(ca -> !ca.isBlank());
    }

    private static Secret build(AICodeCraftStack stack, StackComponent component, String name,
                                ServerCertificate certificate, CertificateAuthority ca) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(StackNames.TLS_CERTIFICATE_KEY, certificate.certificate());
        values.put(StackNames.TLS_KEY_KEY, certificate.privateKey());
        values.put(StackNames.CA_CERTIFICATE_KEY, ca.certificate());
        return SecretData.typed(stack, component, name, TYPE, values);
    }
}
