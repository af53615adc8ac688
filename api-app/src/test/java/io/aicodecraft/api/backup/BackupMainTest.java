package io.aicodecraft.api.backup;

import io.aicodecraft.api.MainProcess;
import io.aicodecraft.api.MainProcess.Run;
import io.aicodecraft.api.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code api-app backup} as the Job's container runs it (a separate JVM, environment variables): errors and retention. */
class BackupMainTest {
    private static final String BUCKET = "present";
    private static S3Server s3;

    @TempDir
    Path work;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3Server.start(BUCKET);
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    private Path dump() throws Exception {
        return Files.writeString(work.resolve("stack.dump"), "PGDMP not really");
    }

    private Map<String, String> volume(Path dir) {
        return new HashMap<>(Map.of(BackupEnvironment.STACK, "a", BackupEnvironment.DIR, dir.toString(),
                BackupEnvironment.RESULT_FILE, work.resolve("termination-log").toString()));
    }

    @Test
    void storeAppliesRetentionAndLeavesForeignFiles() throws Exception {
        Path dir = Files.createDirectory(work.resolve("backups"));
        List<String> foreign = List.of("a-b-20200101T000000Z.dump", "notes.txt", "a-20200101T000000Z.dump.partial");
        for (String name : Stream.concat(foreign.stream(),
                Stream.of("a-20200101T000000Z.dump", "a-20200102T000000Z.dump")).toList()) {
            Files.writeString(dir.resolve(name), "x");
        }
        Map<String, String> env = volume(dir);
        env.put(BackupEnvironment.KEEP_COUNT, "2");

        Run run = MainProcess.run(env, "backup", "store", "--file", dump().toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        StoreResult result = StoreResult.parse(run.stdout().strip());
        assertThat(result.kept()).isEqualTo(2);
        assertThat(result.pruned()).isEqualTo(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    Stream.concat(foreign.stream(), Stream.of("a-20200102T000000Z.dump", result.name())).toList());
        }
    }

    @Test
    void withoutTheStackStoreExitsTwoNamingIt() throws Exception {
        Map<String, String> env = volume(Files.createDirectory(work.resolve("backups")));
        env.remove(BackupEnvironment.STACK);

        Run run = MainProcess.run(env, "backup", "store", "--file", dump().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("AICC_BACKUP_STACK is required");
    }

    @Test
    void aKeepAgeThatIsNotADurationExitsTwoNamingIt() throws Exception {
        Map<String, String> env = volume(Files.createDirectory(work.resolve("backups")));
        env.put(BackupEnvironment.KEEP_AGE, "7 days");

        Run run = MainProcess.run(env, "backup", "store", "--file", dump().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("AICC_BACKUP_KEEP_AGE").contains("'7 days' is not a duration");
    }

    @Test
    void anUnknownBucketExitsOneSayingSoWithoutTheSecret() throws Exception {
        Map<String, String> env = volume(work);
        env.putAll(s3.environment("no-such-bucket", "tenants/a/"));

        Run run = MainProcess.run(env, "backup", "store", "--file", dump().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("s3://no-such-bucket/tenants/a/").containsIgnoringCase("bucket does not exist");
        assertThat(run.output()).doesNotContain(S3Server.SECRET_KEY);
        assertThat(work.resolve("termination-log")).doesNotExist();
    }

    @Test
    void wrongCredentialsExitOneWithoutTheSecret() throws Exception {
        Map<String, String> env = volume(work);
        env.putAll(s3.environment(BUCKET, ""));
        env.put(BackupEnvironment.SECRET_ACCESS_KEY, "wrong-secret-9fK2");

        Run run = MainProcess.run(env, "backup", "store", "--file", dump().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("s3://" + BUCKET + "/");
        assertThat(run.output()).doesNotContain("wrong-secret-9fK2").doesNotContain(S3Server.SECRET_KEY);
        assertThat(s3.keys(BUCKET)).isEmpty();
    }

    @Test
    void fetchOfAMissingNameExitsOneNamingItAndWhere() throws Exception {
        Path dir = Files.createDirectory(work.resolve("backups"));
        Map<String, String> s3Env = new HashMap<>(s3.environment(BUCKET, "tenants/a/"));

        Run onVolume = MainProcess.run(volume(dir), "backup", "fetch", "--name", "a-20200101T000000Z.dump", "--to",
                work.resolve("restore.dump").toString());
        Run onS3 = MainProcess.run(s3Env, "backup", "fetch", "--name", "a-20200101T000000Z.dump", "--to",
                work.resolve("restore.dump").toString());

        assertThat(onVolume.exitCode()).isEqualTo(1);
        assertThat(onVolume.stderr()).contains("no backup named a-20200101T000000Z.dump in volume directory " + dir);
        assertThat(onS3.exitCode()).isEqualTo(1);
        assertThat(onS3.stderr()).contains("no backup named a-20200101T000000Z.dump in s3://present/tenants/a/");
        assertThat(onS3.output()).doesNotContain(S3Server.SECRET_KEY);
        assertThat(work.resolve("restore.dump")).doesNotExist();
    }

    @Test
    void checkEmptyWithoutTheDatabaseSettingExitsTwo() throws Exception {
        Run run = MainProcess.run(Map.of(), "backup", "check-empty");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("AICC_DB_URL");
    }

    @Test
    void checkEmptyOnAnUnreachableDatabaseExitsOneWithoutThePassword() throws Exception {
        Run run = MainProcess.run(Map.of("AICC_DB_URL", "jdbc:postgresql://127.0.0.1:" + TestServers.freePort()
                + "/stack", "AICC_DB_USER", "app", "AICC_DB_PASSWORD", "db-secret-77Qx"), "backup", "check-empty");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("backup check-empty failed").contains("Connection");
        assertThat(run.output()).doesNotContain("db-secret-77Qx");
    }

    @Test
    void backupWithoutACommandExitsTwoWithTheUsage() throws Exception {
        Run run = MainProcess.run(Map.of(), "backup");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("usage: api-app backup store --file PATH");
    }
}
