package io.aicodecraft.api;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A server certificate of its own CA for the tests' TLS servers, made by the JDK's keytool (no openssl needed):
 * {@code <alias>.p12} (key and certificate, for a Java server), {@code <alias>.pem} (the certificate, the CA a
 * client trusts) and {@code <alias>-key.pem} (the key as PKCS#8 PEM, for Redis), all in {@code directory}.
 *
 * @param keyStore the PKCS#12 key store, whose password is {@link #PASSWORD}
 * @param certificate the certificate as PEM
 * @param key the private key as PEM
 */
public record SelfSignedCertificate(Path keyStore, Path certificate, Path key) {
    public static final String PASSWORD = "test-keystore";

    /** For {@code subjectAlternativeName} in keytool's form, such as {@code ip:127.0.0.1} or {@code dns:host}. */
    public static SelfSignedCertificate make(Path directory, String alias, String subjectAlternativeName)
            throws Exception {
        Path store = directory.resolve(alias + ".p12");
        Path certificate = directory.resolve(alias + ".pem");
        Path key = directory.resolve(alias + "-key.pem");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=" + subjectAlternativeName, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        byte[] pkcs8 = keys.getKey(alias, PASSWORD.toCharArray()).getEncoded();
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n");
        return new SelfSignedCertificate(store, certificate, key);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
