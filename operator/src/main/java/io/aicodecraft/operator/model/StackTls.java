package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.SecretKeyReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;

import java.util.List;
import java.util.Optional;

/**
 * TLS of a stack's managed PostgreSQL and Redis ({@code spec.tls}). The certificates exist for every managed server
 * whether TLS is on or not (so turning it on needs nothing new, and the workflow's order does not hang on the
 * setting); {@code spec.tls.enabled} says whether the servers serve them and the clients insist on them.
 */
public final class StackTls {

    /** The pod template annotation carrying a hash of the certificate a pod serves or trusts: a new one rolls it. */
    public static final String ANNOTATION = "aicodecraft.io/tls-certificate";
    /** Where a server pod finds its certificate, key and CA. */
    static final String SERVER_DIRECTORY = "/etc/aicodecraft/tls";
    static final String SERVER_VOLUME = "tls";
    static final String CERTIFICATE_FILE = SERVER_DIRECTORY + "/" + StackNames.TLS_CERTIFICATE_KEY;
    static final String KEY_FILE = SERVER_DIRECTORY + "/" + StackNames.TLS_KEY_KEY;
    static final String CA_FILE = SERVER_DIRECTORY + "/" + StackNames.CA_CERTIFICATE_KEY;
    /** Owner read-write, group read: PostgreSQL refuses a key file readable by others. */
    private static final int KEY_FILE_MODE = 0640;

    private StackTls() {
    }

    /** The stack's CA exists: it has a managed PostgreSQL or Redis. */
    public static boolean certificatesApply(AICodeCraftStack stack) {
        return PostgresStatefulSet.applies(stack) || RedisDeployment.applies(stack);
    }

    public static boolean postgres(AICodeCraftStack stack) {
        return PostgresStatefulSet.applies(stack) && stack.getSpec().getTls().isEnabled();
    }

    public static boolean redis(AICodeCraftStack stack) {
        return RedisDeployment.applies(stack) && stack.getSpec().getTls().isEnabled();
    }

    /** cert-manager issues the certificates ({@code spec.tls.issuerRef}), not the stack's own CA. */
    public static boolean certManager(AICodeCraftStack stack) {
        return stack.getSpec().getTls().getIssuerRef() != null;
    }

    public static String caCommonName(AICodeCraftStack stack) {
        return StackNames.certificateAuthority(stack);
    }

    /** The names a client may reach a Service by in the cluster, the one the API uses ({@code name.ns.svc}) first. */
    public static List<String> dnsNames(AICodeCraftStack stack, String service) {
        String namespace = stack.getMetadata().getNamespace();
        return List.of(StackNames.serviceHost(stack, service), service, service + "." + namespace,
                StackNames.serviceHost(stack, service) + ".cluster.local");
    }

    /** A short hash of a certificate, for {@link #ANNOTATION}. */
    public static String hash(String certificate) {
        return StackNames.sha256Hex(certificate).substring(0, 16);
    }

    /**
     * The pod template with {@link #ANNOTATION} for {@code certificate}, when the pod uses it ({@code inUse}); a pod
     * whose certificate is not known yet gets none, and gets it, rolling once, when it is.
     */
    static PodTemplateSpecBuilder annotate(PodTemplateSpecBuilder template, boolean inUse, Optional<String> certificate) {
        if (inUse && certificate.isPresent()) {
            template.editMetadata().addToAnnotations(ANNOTATION, hash(certificate.get())).endMetadata();
        }
        return template;
    }

    /** The server's certificate Secret as a volume a non-root server may read its key from. */
    static Volume serverVolume(String secretName) {
        return new VolumeBuilder().withName(SERVER_VOLUME)
                .withNewSecret().withSecretName(secretName).withDefaultMode(KEY_FILE_MODE).endSecret()
                .build();
    }

    static VolumeMount serverMount() {
        return RestrictedSecurity.readOnlyMount(SERVER_VOLUME, SERVER_DIRECTORY);
    }

    /**
     * The CA a client of the managed server whose certificate is in {@code serverSecret} trusts: the stack CA
     * Secret's certificate (never its key), or with cert-manager the {@code ca.crt} it writes beside the certificate.
     */
    static SecretKeyReference caReference(AICodeCraftStack stack, String serverSecret) {
        var reference = new SecretKeyReference();
        reference.setName(certManager(stack) ? serverSecret : StackNames.certificateAuthority(stack));
        reference.setKey(StackNames.CA_CERTIFICATE_KEY);
        return reference;
    }
}
