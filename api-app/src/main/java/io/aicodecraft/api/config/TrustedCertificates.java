package io.aicodecraft.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The trust of a PEM file of CA certificates, instead of the JVM's list: a server behind a private CA (object storage
 * for the backups, a Redis with the cluster's own certificates).
 */
public final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /** IllegalArgumentException naming {@code variable} when the file holds no certificate. */
    public static TrustManager[] of(Path pem, String variable) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(variable + " = " + pem + " holds no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (IOException e) {
            throw new IllegalArgumentException(variable + " = " + pem + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(variable + " = " + pem + " is not a PEM file of certificates: "
                    + e.getMessage(), e);
        }
    }

    /** TLS connections that trust only the certificates of {@code pem}. */
    public static SSLSocketFactory socketFactory(Path pem, String variable) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, of(pem, variable), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM: " + e.getMessage(), e);
        }
    }
}
