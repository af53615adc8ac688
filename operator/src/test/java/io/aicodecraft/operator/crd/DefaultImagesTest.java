package io.aicodecraft.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.api.LocalRedis;
import io.aicodecraft.api.PgvectorServer;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.operator.install.Repository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL and Redis a stack gets by default are the releases every test runs against: the tag of each
 * CRD default is the version the embedded server (and, for pgvector, the pgvector test server) reports; and its
 * exporters' tags are the releases the tests build and run (testcluster/exporters).
 */
class DefaultImagesTest {

    @Test
    void theDefaultPostgresImageIsTheMajorReleaseTheTestsRun() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             Connection connection = postgres.getPostgresDatabase().getConnection()) {
            String version = query(connection, "SHOW server_version");

            assertThat(pgvectorTag().group("postgres")).isEqualTo(version.substring(0, version.indexOf('.')));
        }
    }

    @Test
    void theDefaultPostgresImageHasThePgvectorTheTestsRun() throws Exception {
        DatabaseConfig database = PgvectorServer.shared().emptyDatabase();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            String available = query(connection, "SELECT default_version FROM pg_available_extensions WHERE name = 'vector'");

            assertThat(pgvectorTag().group("pgvector")).isEqualTo(available);
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

    @Test
    void theDefaultExporterImagesAreTheReleasesTheTestsBuild() throws Exception {
        assertThat(tag(MonitoringSpec.DEFAULT_POSTGRES_EXPORTER_IMAGE))
                .isEqualTo(toolVersion("testcluster/exporters/postgres", "github.com/prometheus-community/postgres_exporter"));
        assertThat(tag(MonitoringSpec.DEFAULT_REDIS_EXPORTER_IMAGE))
                .isEqualTo(toolVersion("testcluster/exporters/redis", "github.com/oliver006/redis_exporter"));
    }

    private static String tag(String image) {
        return image.substring(image.lastIndexOf(':') + 1);
    }

    /** The version of {@code module} that the Go module under the repository requires (its go.mod's line for it). */
    private static String toolVersion(String goModule, String module) throws Exception {
        Matcher required = Pattern.compile("(?m)^\\s*" + Pattern.quote(module) + " (v\\S+)")
                .matcher(Files.readString(Repository.ROOT.resolve(goModule).resolve("go.mod")));
        assertThat(required.find()).as("%s requires %s", goModule, module).isTrue();
        return required.group(1);
    }

    /** {@code redis:7.0.15-alpine} is Redis 7.0.15. */
    private static String tagVersion(String image) {
        String tag = image.substring(image.lastIndexOf(':') + 1);
        return tag.substring(0, tag.indexOf('-'));
    }

    /** {@code pgvector/pgvector:0.8.5-pg17-bookworm} is pgvector 0.8.5 on PostgreSQL 17. */
    private static Matcher pgvectorTag() {
        Matcher tag = Pattern.compile("pgvector/pgvector:(?<pgvector>[0-9.]+)-pg(?<postgres>[0-9]+)-[a-z]+")
                .matcher(ManagedPostgresSpec.DEFAULT_IMAGE);
        assertThat(tag.matches()).as("%s is a pgvector image pinned to a Debian release", ManagedPostgresSpec.DEFAULT_IMAGE)
                .isTrue();
        return tag;
    }

    private static String query(Connection connection, String sql) throws Exception {
        try (ResultSet row = connection.createStatement().executeQuery(sql)) {
            assertThat(row.next()).as(sql).isTrue();
            return row.getString(1);
        }
    }
}
