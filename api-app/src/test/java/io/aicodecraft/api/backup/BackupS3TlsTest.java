package io.aicodecraft.api.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object storage behind a private CA (a MinIO or Ceph with the cluster's own certificates): s3proxy over HTTPS only,
 * with a certificate the JVM does not trust. {@code AICC_BACKUP_S3_CA_FILE} names the CA that signed it.
 */
class BackupS3TlsTest {
    private static final String BUCKET = "tls-backups";
    private static final Instant NOW = Instant.parse("2026-12-03T11:00:00Z");

    @TempDir
    static Path directory;
    private static Path ca;
    private static S3Server s3;

    @BeforeAll
    static void startAnS3ServerWithItsOwnCertificate() throws Exception {
        s3 = S3Server.startTls(directory, BUCKET);
        ca = directory.resolve("ca.pem");
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void theStorageIsTrustedThroughTheCaItNames() throws IOException {
        Path dump = Files.writeString(directory.resolve("a.dump"), "PGDMP custom format");

        var result = store(Map.of(BackupEnvironment.S3_CA_FILE, ca.toString()), dump);

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(s3.keys(BUCKET)).containsExactly("tenants/team-a-20261203T110000Z.dump");
    }

    @Test
    void withoutItsCaTheStorageIsRefusedSayingSo() throws IOException {
        Path dump = Files.writeString(directory.resolve("b.dump"), "PGDMP custom format");

        var result = store(Map.of(), dump);

        assertThat(result.code()).isEqualTo(BackupCommand.FAILED);
        assertThat(result.err()).containsIgnoringCase("certificate").doesNotContain(S3Server.SECRET_KEY);
    }

    @Test
    void aCaFileThatHoldsNoCertificateIsAConfigurationError() throws IOException {
        Path dump = Files.writeString(directory.resolve("c.dump"), "PGDMP custom format");
        Path notPem = Files.writeString(directory.resolve("not.pem"), "not a certificate");

        var result = store(Map.of(BackupEnvironment.S3_CA_FILE, notPem.toString()), dump);

        assertThat(result.code()).isEqualTo(BackupCommand.USAGE_ERROR);
        assertThat(result.err()).contains(BackupEnvironment.S3_CA_FILE).contains(notPem.toString());
    }

    private record Result(int code, String out, String err) {
    }

    private static Result store(Map<String, String> extra, Path dump) {
        Map<String, String> env = new HashMap<>(s3.environment(BUCKET, "tenants/"));
        env.put(BackupEnvironment.STACK, "team-a");
        env.put(BackupEnvironment.RESULT_FILE, directory.resolve("result-" + dump.getFileName()).toString());
        env.putAll(extra);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new BackupCommand(env, () -> {
            throw new AssertionError("no database for store");
        }, Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of("store", "--file", dump.toString()));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
