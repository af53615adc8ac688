package io.aicodecraft.operator.testing;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.IssuerKind;
import io.aicodecraft.operator.crd.IssuerReference;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Stacks as a tenant would write them. */
public final class TestStacks {

    public static final String IMAGE_V1 = "ghcr.io/aicodecraft/api-app:0.1.0";
    public static final String IMAGE_V2 = "ghcr.io/aicodecraft/api-app:0.2.0";
    /** On the cluster tier, kwok fails the migration Job pods of this image (cluster/kwok-failing-job-pods.yaml). */
    public static final String FAILING_IMAGE = "ghcr.io/aicodecraft/api-app:fails";

    private TestStacks() {
    }

    /** Managed PostgreSQL and Redis, two API pods, every other setting at its default. */
    public static AICodeCraftStack minimal(String namespace, String name) {
        return stack(namespace, name, """
                  api:
                    image: %s
                  postgres:
                    managed: {}
                  redis:
                    managed: {}
                """.formatted(IMAGE_V1));
    }

    /** {@code stack} with its server certificates from cert-manager's {@code issuer} of {@code kind}. */
    public static AICodeCraftStack withIssuer(AICodeCraftStack stack, IssuerKind kind, String issuer) {
        var reference = new IssuerReference();
        reference.setName(issuer);
        reference.setKind(kind);
        stack.getSpec().getTls().setIssuerRef(reference);
        return stack;
    }

    /** Up to 6 API pods with 10 connections each need 65; PostgreSQL is fixed at 20. */
    public static AICodeCraftStack tooSmallMaxConnections(String namespace, String name) {
        return stack(namespace, name, """
                  api:
                    image: %s
                    autoscaling: {enabled: true, minReplicas: 2, maxReplicas: 6}
                    pools:
                      database: {maxSize: 10}
                  postgres:
                    managed: {maxConnections: 20}
                  redis:
                    managed: {}
                """.formatted(IMAGE_V1));
    }

    private static AICodeCraftStack stack(String namespace, String name, String spec) {
        return Serialization.unmarshal(yaml(namespace, name, spec), AICodeCraftStack.class);
    }

    /** A stack's YAML around a spec whose lines are indented by two spaces. */
    public static String yaml(String namespace, String name, String spec) {
        return """
                apiVersion: aicodecraft.io/v1alpha1
                kind: AICodeCraftStack
                metadata:
                  name: %s
                  namespace: %s
                spec:
                %s""".formatted(name, namespace, spec);
    }
}
