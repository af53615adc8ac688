package io.aicodecraft.api.backup;

import io.aicodecraft.api.MainProcess;
import io.aicodecraft.api.MainProcess.Run;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.Migrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's backup and restore Jobs, step by step, with the real tools: a database migrated by the API's
 * migrations and filled with rows, {@code pg_dump -Fc} (PostgreSQL 15), {@code backup store} (this image's command,
 * as a subprocess) to a volume and to S3, {@code backup fetch}, {@code backup check-empty}, {@code pg_restore}, and
 * the rows compared.
 */
class BackupRoundTripTest {
    private static final String STACK = "team-a";
    private static final String BUCKET = "backups";
    private static final String PREFIX = "tenants/a/";
    /** Every table the migrations make, each with rows below. */
    private static final List<String> TABLES = List.of("code_generations", "code_conversions", "templates",
            "template_versions", "template_uses", "api_keys", "task_chains", "usage_daily", "conversations",
            "conversation_messages", "flyway_schema_history");

    private static Postgres15 postgres;
    private static S3Server s3;
    private static Path dump;
    private static Map<String, List<String>> original;

    @TempDir
    static Path work;

    @BeforeAll
    static void dumpAFilledDatabase() throws Exception {
        postgres = Postgres15.start();
        s3 = S3Server.start(BUCKET);
        DatabaseConfig source = postgres.createDatabase("source");
        try (Database database = new Database(source)) {
            new Migrations(database.dataSource()).migrate();
        }
        try (Connection c = connect(source); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO code_generations (user_id, prompt, language, model, code) VALUES
                      ('00000000-0000-0000-0000-000000000001', 'reverse a string', 'java', 'template', 'class R {}'),
                      ('00000000-0000-0000-0000-000000000001', 'quote '' and "" and ünïcödé', 'python', 'template',
                       E'def f():\\n    return 1'),
                      ('00000000-0000-0000-0000-000000000002', 'sum a list', 'go', 'gpt', 'func Sum() {}');
                    INSERT INTO code_conversions (user_id, source_code, from_language, to_language, model, code)
                      VALUES ('00000000-0000-0000-0000-000000000001', 'print(1)', 'python', 'java', 'template',
                              'System.out.println(1);');
                    INSERT INTO templates (id, owner_id, version, name, description, category, language, body,
                                           variables) VALUES
                      ('10000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001', 2, 'REST client',
                       'an HTTP client', 'web', 'java', 'call {{url}}', ARRAY['url']),
                      ('10000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000002', 1, 'CSV parser',
                       'reads CSV', 'data', 'python', 'parse {{file}} with {{sep}}', ARRAY['file', 'sep']);
                    INSERT INTO template_versions (template_id, version, name, description, category, language, body,
                                                   variables) VALUES
                      ('10000000-0000-0000-0000-000000000001', 1, 'REST client', 'a client', 'web', 'java', 'get {{url}}',
                       ARRAY['url']),
                      ('10000000-0000-0000-0000-000000000001', 2, 'REST client', 'an HTTP client', 'web', 'java',
                       'call {{url}}', ARRAY['url']);
                    INSERT INTO template_uses (template_id, version, user_id, success, latency_micros) VALUES
                      ('10000000-0000-0000-0000-000000000001', 2, '00000000-0000-0000-0000-000000000001', true, 1200),
                      ('10000000-0000-0000-0000-000000000002', 1, '00000000-0000-0000-0000-000000000002', false, 35);
                    INSERT INTO api_keys (id, owner_id, name, prefix, key_hash, revoked_at, tier) VALUES
                      ('20000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001', 'laptop',
                       'aicc_abc', '\\x00ff10a0'::bytea, NULL, 'pro'),
                      ('20000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000002', 'ci',
                       'aicc_def', '\\xdeadbeef'::bytea, now(), NULL);
                    INSERT INTO task_chains (id, user_id, status, reason, tasks, created_at, finished_at) VALUES
                      ('30000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001', 'succeeded',
                       NULL, '[{"id": "a", "output": "x"}, {"id": "b", "dependsOn": ["a"]}]', now(), now());
                    INSERT INTO usage_daily (key_id, day, route, requests, tokens) VALUES
                      ('20000000-0000-0000-0000-000000000001', '2026-12-02', '/v1/generations', 41, 12345);
                    INSERT INTO conversations (id, user_id, title, language, system_prompt, model, tags, pinned,
                                               created_at, updated_at, deleted_at) VALUES
                      ('40000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001', 'CSV help',
                       'python', 'be brief', 'template', ARRAY['csv', 'parsing'], true, now(), now(), NULL);
                    INSERT INTO conversation_messages (id, conversation_id, parent_id, role, content, tokens,
                                                       origin_id, version, model, dropped_turns, created_at) VALUES
                      ('50000000-0000-0000-0000-000000000001', '40000000-0000-0000-0000-000000000001', NULL, 'user',
                       'parse a line', 3, '50000000-0000-0000-0000-000000000001', 1, NULL, NULL, now()),
                      ('50000000-0000-0000-0000-000000000002', '40000000-0000-0000-0000-000000000001',
                       '50000000-0000-0000-0000-000000000001', 'assistant', 'def parse(): pass', 5,
                       '50000000-0000-0000-0000-000000000002', 1, 'template', 0, now());
                    """);
        }
        original = rows(source);
        assertThat(original.values()).as("every table has rows to compare").allSatisfy(r -> assertThat(r).isNotEmpty());
        dump = work.resolve("stack.dump");
        postgres.dump("source", dump);
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Connection connect(DatabaseConfig db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /** Each table's rows as JSON text, in a stable order. */
    private static Map<String, List<String>> rows(DatabaseConfig db) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                List<String> list = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(
                        "SELECT row_to_json(t)::text AS j FROM " + table + " t ORDER BY j")) {
                    while (rs.next()) {
                        list.add(rs.getString(1));
                    }
                }
                rows.put(table, list);
            }
        }
        return rows;
    }

    private static Map<String, String> storeEnv(Path resultFile) {
        return new HashMap<>(Map.of(BackupEnvironment.STACK, STACK,
                BackupEnvironment.RESULT_FILE, resultFile.toString()));
    }

    private static Map<String, String> databaseEnv(DatabaseConfig db) {
        return Map.of("AICC_DB_URL", db.url(), "AICC_DB_USER", db.user(), "AICC_DB_POOL_CONNECTION_TIMEOUT", "2s");
    }

    /** The one JSON line {@code store} prints, checked against the result file and the dump. */
    private static StoreResult storeResult(Run run, Path resultFile) throws Exception {
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout().lines().toList()).as("one line on stdout").hasSize(1);
        String line = run.stdout().strip();
        assertThat(Files.readString(resultFile)).isEqualTo(line + "\n");
        assertThat(Files.size(resultFile)).isLessThan(4096);
        StoreResult result = StoreResult.parse(line);
        assertThat(result.name()).matches("team-a-\\d{8}T\\d{6}Z\\.dump");
        assertThat(BackupName.parse(STACK, result.name())).isPresent();
        assertThat(result.sizeBytes()).isEqualTo(Files.size(dump));
        return result;
    }

    @Test
    void storeToAVolumeFetchRestoreIntoAnEmptyDatabaseAndTheRowsAreTheSame() throws Exception {
        Path dir = Files.createDirectory(work.resolve("volume"));
        Map<String, String> env = storeEnv(work.resolve("volume-result"));
        env.put(BackupEnvironment.DIR, dir.toString());

        StoreResult stored = storeResult(MainProcess.run(env, "backup", "store", "--file", dump.toString()),
                work.resolve("volume-result"));

        assertThat(stored.kept()).isEqualTo(1);
        assertThat(stored.pruned()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(stored.name());
        }
        assertThat(Files.readAllBytes(dir.resolve(stored.name()))).isEqualTo(Files.readAllBytes(dump));

        Path fetched = work.resolve("volume-restore.dump");
        Run fetch = MainProcess.run(env, "backup", "fetch", "--name", stored.name(), "--to", fetched.toString());
        assertThat(fetch.exitCode()).as(fetch.output()).isZero();
        assertThat(Files.readAllBytes(fetched)).isEqualTo(Files.readAllBytes(dump));

        restoreAndCompare(fetched, "from_volume");
    }

    @Test
    void storeToS3WithAPrefixAndPathStyleFetchRestoreAndTheRowsAreTheSame() throws Exception {
        Map<String, String> env = storeEnv(work.resolve("s3-result"));
        env.putAll(s3.environment(BUCKET, PREFIX));

        StoreResult stored = storeResult(MainProcess.run(env, "backup", "store", "--file", dump.toString()),
                work.resolve("s3-result"));

        assertThat(stored.kept()).isEqualTo(1);
        assertThat(stored.pruned()).isZero();
        assertThat(s3.keys(BUCKET)).containsExactly(PREFIX + stored.name());
        assertThat(s3.object(BUCKET, PREFIX + stored.name())).isEqualTo(Files.readAllBytes(dump));

        Path fetched = work.resolve("s3-restore.dump");
        Run fetch = MainProcess.run(env, "backup", "fetch", "--name", stored.name(), "--to", fetched.toString());
        assertThat(fetch.exitCode()).as(fetch.output()).isZero();
        assertThat(Files.readAllBytes(fetched)).isEqualTo(Files.readAllBytes(dump));

        restoreAndCompare(fetched, "from_s3");
    }

    /** check-empty (0), pg_restore, check-empty (3), then every table's rows as in the source. */
    private static void restoreAndCompare(Path fetched, String name) throws Exception {
        DatabaseConfig target = postgres.createDatabase(name);

        Run empty = MainProcess.run(databaseEnv(target), "backup", "check-empty");
        assertThat(empty.exitCode()).as(empty.output()).isZero();
        assertThat(empty.stdout()).contains("database " + name + " is empty");

        postgres.restore(fetched, name);

        Run full = MainProcess.run(databaseEnv(target), "backup", "check-empty");
        assertThat(full.exitCode()).as(full.output()).isEqualTo(3);
        assertThat(full.stderr()).contains("database " + name + " already holds " + TABLES.size() + " tables, e.g. ")
                .contains("a restore needs an empty database");
        assertThat(rows(target)).isEqualTo(original);
        try (Connection c = connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("INSERT INTO template_uses (template_id, version, user_id, success,"
                     + " latency_micros) VALUES ('10000000-0000-0000-0000-000000000002', 1,"
                     + " '00000000-0000-0000-0000-000000000002', true, 1) RETURNING id")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the identity sequence goes on after the restored rows").isEqualTo(3);
        }
    }
}
