package io.aicodecraft.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aicodecraft.api.SelfSignedCertificate;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.RedisConfig;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis over TLS with a certificate of a private CA (the server's own, self-signed, for 127.0.0.1 only): the
 * redis-server on the PATH with {@code tls-port}, and the API's Redis client as the cache, the chain queue and the
 * revocation feed build it ({@link RedisTls}).
 */
class RedisTlsTest {

    @TempDir
    static Path directory;
    private static final List<Process> servers = new ArrayList<>();
    private static int port;
    private static int otherNamePort;
    private static Path ca;
    private static Path otherCa;
    private static Path otherNameCa;

    @BeforeAll
    static void startRedisOverTls() throws Exception {
        ca = certificate("redis", "ip:127.0.0.1");
        otherCa = certificate("other", "ip:127.0.0.1");
        otherNameCa = certificate("named", "dns:redis.other.example");
        port = start("redis");
        otherNamePort = start("named");
    }

    /** A redis-server on a free port serving TLS only, with the certificate and key of {@code alias}. */
    private static int start(String alias) throws Exception {
        int free = TestServers.freePort();
        Path log = directory.resolve(alias + ".log");
        servers.add(new ProcessBuilder("redis-server", "--port", "0", "--tls-port", String.valueOf(free),
                "--tls-cert-file", directory.resolve(alias + ".pem").toString(),
                "--tls-key-file", directory.resolve(alias + "-key.pem").toString(),
                "--tls-auth-clients", "no", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start());
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", free)) {
                return free;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("redis-server did not listen on " + free + ": " + Files.readString(log));
    }

    @AfterAll
    static void stop() {
        servers.forEach(Process::destroy);
    }

    @Test
    void theCaItIsGivenIsTrusted() {
        try (var cache = new RedisCache(config("127.0.0.1").withCaFile(ca))) {
            assertThat(cache.probe().up()).isTrue();
            cache.put("tls-test", "over TLS", Duration.ofMinutes(1));
            assertThat(cache.get("tls-test")).contains("over TLS");
        }
    }

    @Test
    void aWrongCaIsRefusedSayingWhichSettingToCheck() {
        try (var cache = new RedisCache(config("127.0.0.1").withCaFile(otherCa))) {
            var probe = cache.probe();
            assertThat(probe.up()).isFalse();
            assertThat(probe.error()).hasValueSatisfying(error ->
                    assertThat(error).contains("TLS failed").contains("AICC_REDIS_CA_FILE"));
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() {
        // its CA is trusted, but it names redis.other.example, not 127.0.0.1
        try (var cache = new RedisCache(RedisConfig.of("rediss://127.0.0.1:" + otherNamePort).withCaFile(otherNameCa))) {
            var probe = cache.probe();
            assertThat(probe.up()).isFalse();
            assertThat(probe.error()).hasValueSatisfying(error -> assertThat(error).contains("TLS failed"));
        }
    }

    @Test
    void aCaForRedisWithoutTlsIsAConfigurationError() {
        assertThatThrownBy(() -> RedisConfig.of("redis://127.0.0.1:" + port).withCaFile(ca))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rediss://");
    }

    private static RedisConfig config(String host) {
        return RedisConfig.of("rediss://" + host + ":" + port);
    }

    /** The certificate of {@code alias}, its key beside it as {@code <alias>-key.pem} for redis-server. */
    private static Path certificate(String alias, String subjectAlternativeName) throws Exception {
        return SelfSignedCertificate.make(directory, alias, subjectAlternativeName).certificate();
    }
}
