package io.aicodecraft.operator.apiserver;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.IssuerKind;
import io.aicodecraft.operator.model.CertificateAuthority;
import io.aicodecraft.operator.model.ServerCertificate;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.StackTls;
import io.aicodecraft.operator.testing.GoModuleCrds;
import io.aicodecraft.operator.testing.OperatorOnApiServer;
import io.aicodecraft.operator.testing.RealApiServer;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.certmanager.api.model.v1.CertificateConditionBuilder;
import io.fabric8.certmanager.api.model.v1.CertificateStatusBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code spec.tls.issuerRef} on a real kube-apiserver with cert-manager's own CRDs (its pinned release's, from its Go
 * module): the operator writes Certificates that cert-manager's schema accepts instead of making its own CA, waits for
 * the Secrets cert-manager writes (played here as cert-manager writes them), and serves and trusts those.
 */
class CertManagerOnApiServerTest {

    @RegisterExtension
    static final RealApiServer SERVER = RealApiServer.withCrds(GoModuleCrds.CERT_MANAGER::load);

    @RegisterExtension
    static final OperatorOnApiServer OPERATOR = new OperatorOnApiServer(SERVER);

    private static StackDriver driver;

    @BeforeAll
    static void driver() {
        driver = OPERATOR.driver();
    }

    @Test
    void theStackAsksCertManagerForItsCertificatesAndServesAndTrustsWhatItWrites() {
        var stack = driver.create(TestStacks.withIssuer(TestStacks.minimal(SERVER.namespace("cert-manager"), "team-a"),
                IssuerKind.ClusterIssuer, "tenant-ca"));
        String postgresTls = StackNames.postgresTls(stack);

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            Certificate postgres = certificate(stack, postgresTls);
            assertThat(postgres).as("the PostgreSQL Certificate").isNotNull();
            assertThat(postgres.getSpec().getSecretName()).isEqualTo(postgresTls);
            assertThat(postgres.getSpec().getDnsNames()).startsWith("team-a-postgres.cert-manager.svc");
            assertThat(postgres.getSpec().getIssuerRef().getName()).isEqualTo("tenant-ca");
            assertThat(postgres.getSpec().getIssuerRef().getKind()).isEqualTo("ClusterIssuer");
            assertThat(postgres.getSpec().getIssuerRef().getGroup()).isEqualTo("cert-manager.io");
            assertThat(postgres.getSpec().getSecretTemplate().getLabels()).containsEntry("aicodecraft.io/stack", "team-a");
            assertThat(postgres.getMetadata().getOwnerReferences()).singleElement()
                    .satisfies(owner -> assertThat(owner.getName()).isEqualTo("team-a"));
            assertThat(certificate(stack, StackNames.redisTls(stack))).as("the Redis Certificate").isNotNull();
        });
        assertThat(driver.get(stack, Secret.class, StackNames.certificateAuthority(stack))).as("the stack's own CA").isNull();
        assertThat(driver.get(stack, Secret.class, postgresTls)).as("made by cert-manager only").isNull();

        markNotReady(stack, postgresTls, "Issuing", "Issuing certificate as Secret does not exist");
        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(driver.condition(stack, "PostgresReady"))
                .hasValueSatisfying(condition -> {
                    assertThat(condition.getReason()).isEqualTo("WaitingForCertificate");
                    assertThat(condition.getMessage()).isEqualTo("waiting for cert-manager to write Secret "
                            + postgresTls + "; Certificate " + postgresTls
                            + ": Issuing: Issuing certificate as Secret does not exist");
                }));

        CertificateAuthority issuer = CertificateAuthority.create("tenant-ca", Instant.now());
        String postgresCertificate = writeAsCertManager(stack, certificate(stack, postgresTls), issuer);
        writeAsCertManager(stack, certificate(stack, StackNames.redisTls(stack)), issuer);

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            var tls = driver.status(stack).getTls();
            assertThat(tls.getPostgres()).as("status.tls.postgres").isNotNull();
            assertThat(tls.getPostgres().getSecret()).isEqualTo(postgresTls);
            assertThat(tls.getPostgres().getNotAfter()).isNotBlank();
            assertThat(tls.getCa()).as("no CA of the stack's own").isNull();
            StatefulSet postgres = driver.get(stack, StatefulSet.class, StackNames.postgres(stack));
            assertThat(postgres.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry(StackTls.ANNOTATION, StackTls.hash(postgresCertificate));
        });
        assertThat(driver.get(stack, Secret.class, postgresTls).getData().get("tls.crt"))
                .as("the operator leaves cert-manager's Secret alone").isEqualTo(base64(postgresCertificate));

        driver.postgresReady(stack);
        driver.migrate(stack);
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Deployment.class, StackNames.redis(stack)) != null);
        driver.kubelet().deploymentAvailable("cert-manager", StackNames.redis(stack));
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Deployment.class, StackNames.api(stack)) != null);
        Deployment api = driver.get(stack, Deployment.class, StackNames.api(stack));
        assertThat(api.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(volume -> volume.getSecret() != null && volume.getName().endsWith("-ca"))
                .extracting(volume -> volume.getSecret().getSecretName())
                .as("the API trusts the CA cert-manager wrote beside each server's certificate")
                .containsExactlyInAnyOrder(postgresTls, StackNames.redisTls(stack));
        assertThat(api.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry(StackTls.ANNOTATION, StackTls.hash(issuer.certificate() + issuer.certificate()));
    }

    @Test
    void withoutTheIssuerTheCertificatesGoAndTheStacksOwnCaIssuesAgain() {
        var stack = driver.create(TestStacks.withIssuer(TestStacks.minimal(SERVER.namespace("cert-manager-off"), "team-a"),
                IssuerKind.ClusterIssuer, "tenant-ca"));
        String postgresTls = StackNames.postgresTls(stack);
        await().atMost(StackDriver.WAIT).until(() -> certificate(stack, postgresTls) != null);
        CertificateAuthority issuer = CertificateAuthority.create("tenant-ca", Instant.now());
        writeAsCertManager(stack, certificate(stack, postgresTls), issuer);

        driver.edit(stack, s -> {
            s.getSpec().getTls().setIssuerRef(null);
            return s;
        });

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            assertThat(certificate(stack, postgresTls)).isNull();
            assertThat(certificate(stack, StackNames.redisTls(stack))).isNull();
            Secret ca = driver.get(stack, Secret.class, StackNames.certificateAuthority(stack));
            assertThat(ca).as("the stack's own CA").isNotNull();
            String served = new String(Base64.getDecoder().decode(
                    driver.get(stack, Secret.class, postgresTls).getData().get("ca.crt")), StandardCharsets.UTF_8);
            assertThat(served).as("the certificate is the stack CA's again").isNotEqualTo(issuer.certificate());
        });
    }

    private static Certificate certificate(AICodeCraftStack stack, String name) {
        return SERVER.client().resources(Certificate.class).inNamespace(stack.getMetadata().getNamespace())
                .withName(name).get();
    }

    private static void markNotReady(AICodeCraftStack stack, String name, String reason, String message) {
        Certificate certificate = certificate(stack, name);
        certificate.setStatus(new CertificateStatusBuilder().addToConditions(new CertificateConditionBuilder()
                .withType("Ready").withStatus("False").withReason(reason).withMessage(message).build()).build());
        SERVER.client().resource(certificate).updateStatus();
    }

    /** The Secret as cert-manager writes it for {@code certificate}: its template's labels, certificate, key and CA. */
    private static String writeAsCertManager(AICodeCraftStack stack, Certificate certificate, CertificateAuthority issuer) {
        ServerCertificate issued = issuer.issue(certificate.getSpec().getDnsNames(), Instant.now());
        SERVER.client().resource(new SecretBuilder()
                .withNewMetadata()
                .withName(certificate.getSpec().getSecretName())
                .withNamespace(stack.getMetadata().getNamespace())
                .withLabels(certificate.getSpec().getSecretTemplate().getLabels())
                .withAnnotations(Map.of("cert-manager.io/certificate-name", certificate.getMetadata().getName()))
                .endMetadata()
                .withType("kubernetes.io/tls")
                .withData(Map.of("tls.crt", base64(issued.certificate()), "tls.key", base64(issued.privateKey()),
                        "ca.crt", base64(issuer.certificate())))
                .build()).serverSideApply();
        return issued.certificate();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
