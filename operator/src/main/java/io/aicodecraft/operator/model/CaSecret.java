package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.LinkedHashMap;
import java.util.Map;

/** The stack's certificate authority: its certificate, which clients mount, and its key, which only the operator reads. */
public final class CaSecret {

    private CaSecret() {
    }

    public static Secret build(AICodeCraftStack stack, CertificateAuthority ca) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(StackNames.CA_CERTIFICATE_KEY, ca.certificate());
        values.put(StackNames.CA_KEY_KEY, ca.privateKey());
        return SecretData.opaque(stack, StackComponent.TLS, StackNames.certificateAuthority(stack), values);
    }

    /** The CA a Secret read back holds. */
    public static CertificateAuthority read(Secret secret) {
        return new CertificateAuthority(SecretData.value(secret, StackNames.CA_CERTIFICATE_KEY),
                SecretData.value(secret, StackNames.CA_KEY_KEY));
    }
}
