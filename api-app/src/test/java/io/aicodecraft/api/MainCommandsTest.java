package io.aicodecraft.api;

import io.aicodecraft.api.MainProcess.Run;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.config.RedisConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands as the operator's Job and a pod run them: a separate JVM, configured by environment variables. */
class MainCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestServers servers = TestServers.shared();

    private static Map<String, String> env(DatabaseConfig db) {
        RedisConfig redis = TestServers.shared().redis();
        Map<String, String> environment = new HashMap<>(Map.of("AICC_DB_URL", db.url(), "AICC_DB_USER", db.user(),
                "AICC_DB_PASSWORD", db.password(), "AICC_REDIS_URL", "redis://" + redis.host() + ":" + redis.port()));
        redis.password().ifPresent(password -> environment.put("AICC_REDIS_PASSWORD", password));
        return environment;
    }

    @Test
    void migrateAppliesTheMigrationsAndExitsZero() throws Exception {
        Run run = MainProcess.run(env(servers.emptyDatabase()), "migrate");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("migrations applied; schema version");
    }

    @Test
    void migrateReportsInItsResultFileThatTheServerHasNoPgvector(@TempDir Path dir) throws Exception {
        Path resultFile = dir.resolve("termination-log");
        Map<String, String> environment = env(servers.emptyDatabase());
        environment.put("AICC_MIGRATE_RESULT_FILE", resultFile.toString());

        Run run = MainProcess.run(environment, "migrate");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("no pgvector on this server, so semantic search answers 501");
        JsonNode result = JSON.readTree(Files.readString(resultFile));
        assertThat(result.path("schemaVersion").asText()).isNotBlank().isNotEqualTo("none");
        assertThat(result.has("pgvector")).isTrue();
        assertThat(result.path("pgvector").isNull()).as(result.toString()).isTrue();
    }

    @Test
    void migrateReportsInItsResultFileTheServersPgvector(@TempDir Path dir) throws Exception {
        Path resultFile = dir.resolve("termination-log");
        Map<String, String> environment = env(PgvectorServer.shared().emptyDatabase());
        environment.put("AICC_MIGRATE_RESULT_FILE", resultFile.toString());

        Run run = MainProcess.run(environment, "migrate");

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode result = JSON.readTree(Files.readString(resultFile));
        assertThat(result.path("pgvector").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(run.output()).contains("; pgvector " + result.path("pgvector").asText());
    }

    @Test
    void migrateAgainstAnUnreachableDatabaseExitsNonZeroSayingWhy() throws Exception {
        Run run = MainProcess.run(Map.of(
                "AICC_DB_URL", "jdbc:postgresql://127.0.0.1:" + TestServers.freePort() + "/none",
                "AICC_DB_POOL_CONNECTION_TIMEOUT", "1s"), "migrate");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("migrate failed").contains("Connection");
    }

    @Test
    void serveRefusesToStartOnADatabaseThatIsBehind() throws Exception {
        Run run = MainProcess.run(env(servers.emptyDatabase()), "serve");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("serve failed").contains("run the `migrate` command first");
    }

    @ParameterizedTest
    @CsvSource({"AICC_CACHE_TTL, soon, aicc.cache.ttl", "AICC_LOG_FORMAT, xml, AICC_LOG_FORMAT"})
    void invalidConfigurationExitsTwoNamingTheSetting(String setting, String value, String named) throws Exception {
        Map<String, String> environment = env(servers.emptyDatabase());
        environment.put(setting, value);

        Run run = MainProcess.run(environment, "serve");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains(named);
    }

    @Test
    void unknownCommandExitsTwoWithUsage() throws Exception {
        Run run = MainProcess.run(Map.of(), "launch");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("usage: api-app");
    }
}
