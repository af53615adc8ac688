package io.aicodecraft.api.store;

import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.ApiConfig;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.config.ModelConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationsTest {
    private final TestServers servers = TestServers.shared();

    /** The newest migration this build ships, as Flyway finds it on the classpath. */
    private static String newestShipped(DataSource dataSource) {
        MigrationInfo[] all = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
                .info().all();
        return Arrays.stream(all).map(MigrationInfo::getVersion).max(Comparable::compareTo).orElseThrow().getVersion();
    }

    @Test
    void migrateBringsAnEmptyDatabaseToTheNewestVersion() {
        try (Database database = new Database(servers.emptyDatabase())) {
            String newest = newestShipped(database.dataSource());

            MigrationResult result = new Migrations(database.dataSource()).migrate();

            assertThat(result.schemaVersion()).isEqualTo(newest);
            assertThat(result.pgvectorVersion()).as("the embedded PostgreSQL has no pgvector").isEmpty();
        }
    }

    @Test
    void migrateCreatesTheHistoryTables() {
        try (Database database = new Database(servers.emptyDatabase())) {
            new Migrations(database.dataSource()).migrate();

            List<String> tables = database.run(c -> {
                try (ResultSet rows = c.getMetaData().getTables(null, "public", "code%", new String[] {"TABLE"})) {
                    List<String> names = new ArrayList<>();
                    while (rows.next()) {
                        names.add(rows.getString("TABLE_NAME"));
                    }
                    return names;
                }
            });
            assertThat(tables).contains("code_generations", "code_conversions");
        }
    }

    @Test
    void migrateTwiceChangesNothing() {
        try (Database database = new Database(servers.emptyDatabase())) {
            Migrations migrations = new Migrations(database.dataSource());
            MigrationResult first = migrations.migrate();

            assertThat(migrations.migrate()).isEqualTo(first);
        }
    }

    @Test
    void serveRefusesADatabaseThatIsBehind() {
        DatabaseConfig empty = servers.emptyDatabase();
        String newest;
        try (Database database = new Database(empty)) {
            newest = newestShipped(database.dataSource());
        }
        ApiConfig config = new ApiConfig(0, empty, servers.redis(), Duration.ofMinutes(1), ModelConfig.template());

        assertThatThrownBy(() -> ApiServer.start(config, "127.0.0.1"))
                .isInstanceOf(SchemaBehindException.class)
                .hasMessageContaining("schema is at version none")
                .hasMessageContaining("needs version " + newest)
                .hasMessageContaining("migrate");
    }

    @Test
    void serveStartsOnceMigrated() {
        DatabaseConfig db = servers.emptyDatabase();
        try (Database database = new Database(db)) {
            new Migrations(database.dataSource()).migrate();
        }
        ApiConfig config = new ApiConfig(0, db, servers.redis(), Duration.ofMinutes(1), ModelConfig.template());

        try (ApiServer server = ApiServer.start(config, "127.0.0.1")) {
            assertThat(server.port()).isPositive();
        }
    }
}
