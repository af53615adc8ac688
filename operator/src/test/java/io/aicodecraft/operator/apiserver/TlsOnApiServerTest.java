package io.aicodecraft.operator.apiserver;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.IssuerKind;
import io.aicodecraft.operator.model.CaSecret;
import io.aicodecraft.operator.model.ServerTlsSecret;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.StackTls;
import io.aicodecraft.operator.testing.OperatorOnApiServer;
import io.aicodecraft.operator.testing.RealApiServer;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stack's CA and server certificates on a real kube-apiserver: made once, left alone by every later reconcile,
 * reissued when one is due for renewal, and a new certificate rolls the server that serves it.
 */
class TlsOnApiServerTest {

    @RegisterExtension
    static final RealApiServer SERVER = new RealApiServer();

    @RegisterExtension
    static final OperatorOnApiServer OPERATOR = new OperatorOnApiServer(SERVER);

    private static StackDriver driver;

    @BeforeAll
    static void driver() {
        driver = OPERATOR.driver();
    }

    @Test
    void anIssuerWithoutCertManagerInTheClusterIsSaidAndNoCaIsMade() {
        var stack = driver.create(TestStacks.withIssuer(TestStacks.minimal(SERVER.namespace("tls-no-cert-manager"),
                "team-a"), IssuerKind.Issuer, "tenant-ca"));

        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(driver.condition(stack, "PostgresReady"))
                .hasValueSatisfying(condition -> {
                    assertThat(condition.getReason()).isEqualTo("WaitingForCertificate");
                    assertThat(condition.getMessage()).startsWith("spec.tls.issuerRef is set, but cert-manager is not"
                            + " installed").endsWith("Secret team-a-postgres-tls is missing");
                }));
        assertThat(driver.get(stack, Secret.class, StackNames.certificateAuthority(stack))).isNull();
        assertThat(driver.get(stack, Secret.class, StackNames.postgresTls(stack))).isNull();
    }

    @Test
    void certificatesAreMadeOnceAndAReconcileLeavesThemAlone() {
        var stack = driver.create(TestStacks.minimal(SERVER.namespace("tls-once"), "team-a"));
        driver.postgresReady(stack);
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Deployment.class, StackNames.redis(stack)) != null);
        Map<String, String> versions = versions(stack);

        assertThat(annotation(postgres(stack))).isEqualTo(StackTls.hash(certificate(stack, StackNames.postgresTls(stack))));
        assertThat(annotation(redis(stack))).isEqualTo(StackTls.hash(certificate(stack, StackNames.redisTls(stack))));
        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            var tls = driver.status(stack).getTls();
            assertThat(tls.getCa().getSecret()).isEqualTo("team-a-ca");
            assertThat(tls.getPostgres().getSecret()).isEqualTo("team-a-postgres-tls");
            assertThat(tls.getRedis().getSecret()).isEqualTo("team-a-redis-tls");
            assertThat(Instant.parse(tls.getPostgres().getNotAfter())).isAfter(Instant.now().plus(Duration.ofDays(364)));
            assertThat(Instant.parse(tls.getCa().getNotAfter())).isAfter(Instant.now().plus(Duration.ofDays(3649)));
        });

        long generation = driver.edit(stack, s -> {
            s.getSpec().getApi().setReplicas(3);
            return s;
        }).getMetadata().getGeneration();
        await().atMost(StackDriver.WAIT).until(() -> driver.status(stack).getObservedGeneration() == generation);

        assertThat(versions(stack)).as("resourceVersions of the CA and certificate Secrets").isEqualTo(versions);
    }

    @Test
    void aCertificateDueForRenewalIsReissuedAndRollsItsServer() {
        var stack = driver.create(TestStacks.minimal(SERVER.namespace("tls-renew"), "team-a"));
        driver.postgresReady(stack);
        String name = StackNames.postgresTls(stack);
        var ca = CaSecret.read(driver.get(stack, Secret.class, StackNames.certificateAuthority(stack)));
        // issued 355 days ago by the stack's own CA: it ends in 10 days, inside the 30 days before expiry
        var ending = ca.issue(StackTls.dnsNames(stack, StackNames.postgres(stack)), Instant.now().minus(Duration.ofDays(355)));
        String before = annotation(postgres(stack));

        SERVER.client().secrets().inNamespace("tls-renew").withName(name).edit(secret -> {
            secret.getData().put(StackNames.TLS_CERTIFICATE_KEY, base64(ending.certificate()));
            secret.getData().put(StackNames.TLS_KEY_KEY, base64(ending.privateKey()));
            return secret;
        });

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            var renewed = ServerTlsSecret.read(driver.get(stack, Secret.class, name));
            assertThat(renewed.certificate()).isNotEqualTo(ending.certificate());
            assertThat(renewed.notAfter()).hasValueSatisfying(end ->
                    assertThat(end).isAfter(Instant.now().plus(Duration.ofDays(364))));
            assertThat(annotation(postgres(stack))).isEqualTo(StackTls.hash(renewed.certificate())).isNotEqualTo(before);
            assertThat(Instant.parse(driver.status(stack).getTls().getPostgres().getNotAfter()))
                    .isEqualTo(renewed.notAfter().orElseThrow());
        });
    }

    @Test
    void withTlsOffTheServersCarryNoCertificateAndStatusNone() {
        var wanted = TestStacks.minimal(SERVER.namespace("tls-off"), "team-a");
        wanted.getSpec().getTls().setEnabled(false);
        var stack = driver.create(wanted);
        driver.postgresReady(stack);
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Deployment.class, StackNames.redis(stack)) != null);

        assertThat(annotation(postgres(stack))).isNull();
        assertThat(annotation(redis(stack))).isNull();
        assertThat(postgres(stack).getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs())
                .noneMatch(argument -> argument.startsWith("ssl"));
        await().atMost(StackDriver.WAIT).until(() -> driver.status(stack) != null);
        assertThat(driver.status(stack).getTls()).isNull();
    }

    private static Map<String, String> versions(AICodeCraftStack stack) {
        return Map.of("ca", version(stack, StackNames.certificateAuthority(stack)),
                "postgres", version(stack, StackNames.postgresTls(stack)),
                "redis", version(stack, StackNames.redisTls(stack)));
    }

    private static String version(AICodeCraftStack stack, String secret) {
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Secret.class, secret) != null);
        return driver.get(stack, Secret.class, secret).getMetadata().getResourceVersion();
    }

    private static String certificate(AICodeCraftStack stack, String secret) {
        return ServerTlsSecret.read(driver.get(stack, Secret.class, secret)).certificate();
    }

    private static StatefulSet postgres(AICodeCraftStack stack) {
        return driver.get(stack, StatefulSet.class, StackNames.postgres(stack));
    }

    private static Deployment redis(AICodeCraftStack stack) {
        return driver.get(stack, Deployment.class, StackNames.redis(stack));
    }

    private static String annotation(StatefulSet statefulSet) {
        return annotation(statefulSet.getSpec().getTemplate());
    }

    private static String annotation(Deployment deployment) {
        return annotation(deployment.getSpec().getTemplate());
    }

    private static String annotation(PodTemplateSpec template) {
        Map<String, String> annotations = template.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(StackTls.ANNOTATION);
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(UTF_8));
    }
}
