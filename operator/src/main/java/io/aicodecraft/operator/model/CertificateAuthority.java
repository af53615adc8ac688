package io.aicodecraft.operator.model;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * A stack's own certificate authority: a self-signed EC P-256 certificate and its key, as PEM. It signs the server
 * certificates of the stack's managed PostgreSQL and Redis, and it is the one CA the stack's clients trust for them.
 * Making one and issuing with it draw random keys: the operator does so only for a Secret that is missing or due.
 */
public record CertificateAuthority(String certificate, String privateKey) {

    /** Long, since replacing it means new server certificates and restarting every pod that trusts it. */
    static final Duration VALIDITY = Duration.ofDays(3650);
    private static final String SIGNATURE = "SHA256withECDSA";
    /** Valid from a little before it is made, so a client whose clock is behind the operator's accepts it. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    public static CertificateAuthority create(String commonName, Instant now) {
        KeyPair keys = Pem.newKeyPair();
        X500Name subject = name(commonName);
        try {
            var extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minus(BACKDATE)),
                    Date.from(now.plus(VALIDITY)), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertificateAuthority(sign(builder, keys.getPrivate()), Pem.writeKey(keys.getPrivate()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a CA certificate", e);
        }
    }

    /** A server certificate for {@code dnsNames} (the first is its common name), signed by this CA. */
    public ServerCertificate issue(List<String> dnsNames, Instant now) {
        X509Certificate ca = Pem.certificate(certificate).orElseThrow(() -> new IllegalStateException("unreadable CA certificate"));
        PrivateKey caKey = Pem.privateKey(privateKey).orElseThrow(() -> new IllegalStateException("unreadable CA key"));
        KeyPair keys = Pem.newKeyPair();
        Instant notAfter = now.plus(ServerCertificate.VALIDITY);
        if (notAfter.isAfter(ca.getNotAfter().toInstant())) {
            notAfter = ca.getNotAfter().toInstant();
        }
        try {
            var extensions = new JcaX509ExtensionUtils();
            GeneralNames names = new GeneralNames(dnsNames.stream()
                    .map(name -> new GeneralName(GeneralName.dNSName, name)).toArray(GeneralName[]::new));
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(now.minus(BACKDATE)),
                    Date.from(notAfter), name(dnsNames.getFirst()), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, names)
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new ServerCertificate(sign(builder, caKey), Pem.writeKey(keys.getPrivate()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a server certificate", e);
        }
    }

    /** The CA certificate's public key, when both its certificate and its key are readable PEM. */
    Optional<PublicKey> publicKey() {
        return Pem.privateKey(privateKey).flatMap(key -> Pem.certificate(certificate)).map(X509Certificate::getPublicKey);
    }

    /** When this CA's certificate expires, if it is readable. */
    public Optional<Instant> notAfter() {
        return Pem.certificate(certificate).map(c -> c.getNotAfter().toInstant());
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "CertificateAuthority[redacted]";
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "aicodecraft").addRDN(BCStyle.CN, commonName).build();
    }

    private static BigInteger serial() {
        return new BigInteger(127, Pem.random()).add(BigInteger.ONE);
    }

    private static String sign(X509v3CertificateBuilder builder, PrivateKey key) {
        try {
            return Pem.write(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + SIGNATURE, e);
        }
    }
}
