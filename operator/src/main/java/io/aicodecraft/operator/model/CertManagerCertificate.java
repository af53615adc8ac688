package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.IssuerReference;
import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.certmanager.api.model.v1.CertificateBuilder;

import java.util.Map;

/**
 * The cert-manager Certificates a stack with {@code spec.tls.issuerRef} asks for, in place of the certificates of its
 * own CA: the same Secret names, DNS names and key (ECDSA P-256, a new one each renewal), and the stack's labels on
 * the Secret cert-manager writes, so the operator sees it as its own. Lifetime and renewal are cert-manager's (90 days,
 * renewed in the last third, unless its configuration says otherwise).
 */
public final class CertManagerCertificate {

    private CertManagerCertificate() {
    }

    public static boolean postgresApplies(AICodeCraftStack stack) {
        return StackTls.certManager(stack) && PostgresStatefulSet.applies(stack);
    }

    public static boolean redisApplies(AICodeCraftStack stack) {
        return StackTls.certManager(stack) && RedisDeployment.applies(stack);
    }

    public static Certificate postgres(AICodeCraftStack stack) {
        return build(stack, StackComponent.DATABASE, StackNames.postgresTls(stack), StackNames.postgres(stack));
    }

    public static Certificate redis(AICodeCraftStack stack) {
        return build(stack, StackComponent.CACHE, StackNames.redisTls(stack), StackNames.redis(stack));
    }

    private static Certificate build(AICodeCraftStack stack, StackComponent component, String secret, String service) {
        IssuerReference issuer = stack.getSpec().getTls().getIssuerRef();
        Map<String, String> labels = component.metadata(stack, secret).getLabels();
        return new CertificateBuilder()
                .withMetadata(component.metadata(stack, secret))
                .withNewSpec()
                .withSecretName(secret)
                .withNewSecretTemplate().withLabels(labels).endSecretTemplate()
                .withCommonName(StackNames.serviceHost(stack, service))
                .withDnsNames(StackTls.dnsNames(stack, service))
                .withNewPrivateKey().withAlgorithm("ECDSA").withSize(256).withRotationPolicy("Always").endPrivateKey()
                .withUsages("server auth", "digital signature", "key encipherment")
                .withNewIssuerRef()
                .withName(issuer.getName())
                .withKind(issuer.getKind().name())
                .withGroup(issuer.getGroup())
                .endIssuerRef()
                .endSpec()
                .build();
    }
}
