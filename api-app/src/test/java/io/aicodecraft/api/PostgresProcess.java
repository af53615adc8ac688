package io.aicodecraft.api;

import io.aicodecraft.api.config.DatabaseConfig;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server run from the binaries in a directory (Debian's PostgreSQL 15, the pgvector build of
 * {@link PgvectorServer}), for tests that need what the embedded PostgreSQL lacks. Its cluster lives in a temporary
 * directory, trusts local connections on 127.0.0.1 and a free port, and runs as the {@code postgres} user when the
 * tests run as root (initdb and postgres refuse root).
 */
public final class PostgresProcess implements AutoCloseable {
    private static final String SERVICE_USER = "postgres";

    private final Path bin;
    private final Path directory;
    private final int port;
    private final boolean asServiceUser;

    private PostgresProcess(Path bin, Path directory, int port, boolean asServiceUser) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.asServiceUser = asServiceUser;
    }

    /**
     * Skips the calling test saying {@code reason}, or fails it under CI ({@code CI} set) or with
     * {@code AICC_REQUIRE_PG_TOOLS=true} (.ci/run sets it), where a missing server is a broken build.
     */
    public static void missing(String reason) {
        boolean required = System.getenv("CI") != null || "true".equals(System.getenv("AICC_REQUIRE_PG_TOOLS"));
        if (required) {
            throw new AssertionError(reason + " (required: CI or AICC_REQUIRE_PG_TOOLS=true)");
        }
        Assumptions.abort(reason);
    }

    /**
     * A new cluster from {@code bin}'s initdb, started with {@code serverArguments} as well (such as
     * {@code -c ssl=on}); with {@code checkPasswords} every role but {@code postgres} (the tests' owner) logs in with
     * its SCRAM password over TCP, as the postgres image's {@code host all all all scram-sha-256}.
     */
    public static PostgresProcess start(Path bin, List<String> serverArguments, boolean checkPasswords)
            throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory = Files.createTempDirectory("aicc-pg-");
        if (root) {
            run(List.of("chown", SERVICE_USER + ":", directory.toString()));
        }
        PostgresProcess server = new PostgresProcess(bin, directory, TestServers.freePort(), root);
        server.pg("initdb", "-D", server.data().toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync");
        if (checkPasswords) {
            Files.writeString(server.data().resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    """);
        }
        server.pg("pg_ctl", "-D", server.data().toString(), "-l", directory.resolve("server.log").toString(), "-w",
                "-t", "60", "-o", "-c listen_addresses=127.0.0.1 -p " + server.port
                        + " -c unix_socket_directories=" + directory + " -c fsync=off "
                        + String.join(" ", serverArguments), "start");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
    }

    /**
     * {@code statement} run by psql as {@code postgres} over the Unix socket, which a server whose pg_hba.conf refuses
     * plain TCP still takes (as the postgres image's entrypoint sets itself up).
     */
    public void psql(String database, String statement) throws IOException, InterruptedException {
        run(List.of(bin.resolve("psql").toString(), "-h", directory.toString(), "-p", Integer.toString(port),
                "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-c", statement));
    }

    /** The server's log, for a test that says why it would not start or what it refused. */
    public String log() throws IOException {
        return Files.readString(directory.resolve("server.log"));
    }

    public int port() {
        return port;
    }

    /** A new, empty database (from template0, as pg_restore wants it). */
    public DatabaseConfig createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
        }
        return new DatabaseConfig(url(name), "postgres", "", 0, 2, Duration.ofSeconds(5));
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** {@code pg_dump -Fc} of {@code database} into {@code file}, as the backup Job's init container runs it. */
    public void dump(String database, Path file) throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "postgres", "-Fc", "-f", file.toString(), database));
    }

    /** {@code pg_restore} of {@code file} into {@code database}, as the restore Job runs it. */
    public void restore(Path file, String database) throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_restore").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "postgres", "--no-owner", "--exit-on-error", "-d", database, file.toString()));
    }

    @Override
    public synchronized void close() {
        if (!Files.isDirectory(data())) {
            return;
        }
        try {
            pg("pg_ctl", "-D", data().toString(), "-w", "-m", "fast", "stop");
            run(List.of("rm", "-rf", directory.toString()));
        } catch (IOException | InterruptedException | AssertionError e) {
            System.err.println("cannot stop the PostgreSQL in " + directory + ": " + e.getMessage());
        }
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void pg(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asServiceUser) {
            command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command);
    }

    /** Runs {@code command}, failing with its output when it fails or takes more than two minutes. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
