package io.aicodecraft.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.api.LocalRedis;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL and Redis a stack gets by default are the releases every test runs against: the tag of each
 * CRD default is the version the embedded server reports.
 */
class DefaultImagesTest {

    @Test
    void theDefaultPostgresImageIsTheReleaseTheTestsRun() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet version = connection.createStatement().executeQuery("SHOW server_version")) {
            version.next();

            assertThat(tagVersion(ManagedPostgresSpec.DEFAULT_IMAGE)).isEqualTo(version.getString(1));
        }
    }

    @Test
    void theDefaultRedisImageIsTheReleaseTheTestsRun() throws Exception {
        String server = LocalRedis.executable().getAbsolutePath();
        Process process = new ProcessBuilder(server, "--version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // "Redis server v=7.0.15 sha=..."
        assertThat(output).contains(" v=" + tagVersion(ManagedRedisSpec.DEFAULT_IMAGE) + " ");
    }

    /** {@code postgres:17.7-alpine} is PostgreSQL 17.7. */
    private static String tagVersion(String image) {
        String tag = image.substring(image.lastIndexOf(':') + 1);
        return tag.substring(0, tag.indexOf('-'));
    }
}
