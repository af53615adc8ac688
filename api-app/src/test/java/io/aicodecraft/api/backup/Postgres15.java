package io.aicodecraft.api.backup;

import io.aicodecraft.api.PostgresProcess;
import io.aicodecraft.api.config.DatabaseConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * A PostgreSQL 15 of Debian's packages ({@code postgresql-15}), started for the backup tests: the embedded
 * PostgreSQL of the other tests has no {@code pg_dump}, and Debian's {@code pg_dump} 15 refuses a newer server.
 * The server is a {@link PostgresProcess}.
 * <p>
 * Without the binaries the tests are skipped, saying so, except under CI ({@code CI} set) or with
 * {@code AICC_REQUIRE_PG_TOOLS=true} (.ci/run sets it), where that is a failure.
 */
public final class Postgres15 implements AutoCloseable {
    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final PostgresProcess server;

    private Postgres15(PostgresProcess server) {
        this.server = server;
    }

    /** Skips the calling test, or fails it under CI, when Debian's PostgreSQL 15 binaries are not installed. */
    public static void assumeInstalled() {
        List<String> missing = List.of("initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore").stream()
                .filter(tool -> !Files.isExecutable(BIN.resolve(tool))).toList();
        if (!missing.isEmpty()) {
            PostgresProcess.missing("Debian's PostgreSQL 15 (apt-get install postgresql-15) is not installed: no "
                    + missing + " in " + BIN);
        }
    }

    public static Postgres15 start() throws IOException, InterruptedException {
        return start(List.of());
    }

    /** A server with {@code serverArguments} as well (such as {@code -c ssl=on}), as a container's args give them. */
    public static Postgres15 start(List<String> serverArguments) throws IOException, InterruptedException {
        assumeInstalled();
        return new Postgres15(PostgresProcess.start(BIN, serverArguments, false));
    }

    /**
     * A server on which every role but {@code postgres} (the tests' owner) logs in with its SCRAM password over TCP,
     * as the postgres image's {@code host all all all scram-sha-256}: a wrong or outdated password is refused.
     */
    public static Postgres15 startCheckingPasswords(List<String> serverArguments) throws IOException, InterruptedException {
        assumeInstalled();
        return new Postgres15(PostgresProcess.start(BIN, serverArguments, true));
    }

    /** {@code statement} run by psql as {@code postgres} over the Unix socket. */
    public void psql(String database, String statement) throws IOException, InterruptedException {
        server.psql(database, statement);
    }

    public String log() throws IOException {
        return server.log();
    }

    public int port() {
        return server.port();
    }

    public DatabaseConfig createDatabase(String name) throws SQLException {
        return server.createDatabase(name);
    }

    public String url(String database) {
        return server.url(database);
    }

    public void dump(String database, Path file) throws IOException, InterruptedException {
        server.dump(database, file);
    }

    public void restore(Path file, String database) throws IOException, InterruptedException {
        server.restore(file, database);
    }

    @Override
    public void close() {
        server.close();
    }
}
