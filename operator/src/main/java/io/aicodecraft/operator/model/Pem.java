package io.aicodecraft.operator.model;

import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;

/**
 * PEM text of certificates and private keys (PKCS #8), the form PostgreSQL, Redis and the API's clients read, and the
 * EC P-256 key pairs the stack's certificates are made of. Reading answers empty for text that is not what it should be
 * (a Secret edited by hand), so the caller makes a new one instead of failing.
 */
final class Pem {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Pem() {
    }

    static String write(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** PKCS #8 ({@code PRIVATE KEY}): written as a PrivateKeyInfo, Bouncy Castle would choose SEC 1 for an EC key. */
    static String writeKey(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (PemGenerationException e) {
            throw new IllegalStateException("cannot encode a private key", e);
        }
    }

    static Optional<X509Certificate> certificate(String pem) {
        return read(pem, X509CertificateHolder.class).flatMap(holder -> {
            try {
                return Optional.of(new JcaX509CertificateConverter().getCertificate(holder));
            } catch (GeneralSecurityException e) {
                return Optional.empty();
            }
        });
    }

    static Optional<PrivateKey> privateKey(String pem) {
        return read(pem, PrivateKeyInfo.class).flatMap(info -> {
            try {
                return Optional.of(new JcaPEMKeyConverter().getPrivateKey(info));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make EC P-256 keys", e);
        }
    }

    static SecureRandom random() {
        return RANDOM;
    }

    private static <T> Optional<T> read(String pem, Class<T> kind) {
        if (pem == null) {
            return Optional.empty();
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            return kind.isInstance(object) ? Optional.of(kind.cast(object)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
