package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stack's CA and the server certificates it issues, and when one must be issued anew. */
class StackCertificatesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final AICodeCraftStack STACK = TestStacks.load("minimal");
    private static final List<String> POSTGRES = StackTls.dnsNames(STACK, StackNames.postgres(STACK));
    private static final StackCertificates ISSUED = StackCertificates.issue(STACK, NOW);

    @Test
    void theServerCertificateIsForTheServicesNamesAndTrustedThroughTheCaAlone() throws Exception {
        X509Certificate served = x509(ISSUED.postgres().certificate());
        assertThat(served.getSubjectAlternativeNames().stream().map(name -> (String) name.get(1)).toList())
                .containsExactlyInAnyOrder("team-a-postgres.tenant-a.svc", "team-a-postgres", "team-a-postgres.tenant-a",
                        "team-a-postgres.tenant-a.svc.cluster.local");
        assertThat(served.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365)));
        assertThat(served.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");

        // the JDK's own PKIX check, as the API's JDBC driver makes it, with the stack's CA as the only anchor
        trusting(ISSUED.ca()).checkServerTrusted(new X509Certificate[] {served}, "ECDHE_ECDSA");
        assertThatThrownBy(() -> trusting(StackCertificates.issue(STACK, NOW).ca())
                .checkServerTrusted(new X509Certificate[] {served}, "ECDHE_ECDSA"))
                .hasMessageContaining("PKIX");
    }

    @Test
    void keysArePkcs8AsPostgresAndRedisReadThem() {
        assertThat(ISSUED.postgres().privateKey()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(ISSUED.ca().privateKey()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(ISSUED.ca().notAfter()).contains(NOW.plus(CertificateAuthority.VALIDITY));
    }

    @Test
    void aCertificateStaysUntilThirtyDaysBeforeItEnds() {
        Instant end = ISSUED.postgres().notAfter().orElseThrow();
        assertThat(ISSUED.postgres().current(ISSUED.ca(), POSTGRES, NOW)).isTrue();
        assertThat(ISSUED.postgres().current(ISSUED.ca(), POSTGRES, end.minus(Duration.ofDays(31)))).isTrue();
        assertThat(ISSUED.postgres().current(ISSUED.ca(), POSTGRES, end.minus(Duration.ofDays(29)))).isFalse();
    }

    @Test
    void aCertificateForOtherNamesOfAnotherCaOrUnreadableIsIssuedAnew() {
        assertThat(ISSUED.redis().current(ISSUED.ca(), POSTGRES, NOW)).as("Redis's names").isFalse();
        assertThat(ISSUED.postgres().current(StackCertificates.issue(STACK, NOW).ca(), POSTGRES, NOW))
                .as("another CA").isFalse();
        assertThat(new ServerCertificate("edited by hand", ISSUED.postgres().privateKey()).current(ISSUED.ca(), POSTGRES, NOW))
                .isFalse();
        assertThat(new ServerCertificate(ISSUED.postgres().certificate(), null).current(ISSUED.ca(), POSTGRES, NOW))
                .isFalse();
    }

    @Test
    void neitherPrintsItsKey() {
        assertThat(ISSUED.toString()).doesNotContain("PRIVATE KEY");
    }

    private static X509TrustManager trusting(CertificateAuthority ca) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("ca", x509(ca.certificate()));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    private static X509Certificate x509(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
    }
}
