package io.aicodecraft.api.backup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code backup} in the tests' JVM with a fixed clock: retention over several stores, on a volume and on S3. */
class BackupCommandTest {
    /** A bucket for each test that lists one. */
    private static final String AGE = "age";
    private static final String COUNT = "count";
    private static final String BUCKET = "dumps";
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static S3Server s3;

    @TempDir
    Path work;

    private record Result(int exitCode, String stdout, String stderr) {
    }

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3Server.start(AGE, COUNT, BUCKET);
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    private static Result run(Map<String, String> env, Instant now, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BackupCommand command = new BackupCommand(env, () -> {
            throw new AssertionError("no database for this command");
        }, Clock.fixed(now, ZoneOffset.UTC), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = command.run(List.of(args));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path dump(String content) throws IOException {
        return Files.writeString(Files.createTempFile(work, "stack", ".dump"), content);
    }

    private Map<String, String> volumeEnv(Path dir, String stack) {
        Map<String, String> env = new HashMap<>();
        env.put(BackupEnvironment.STACK, stack);
        env.put(BackupEnvironment.DIR, dir.toString());
        env.put(BackupEnvironment.RESULT_FILE, work.resolve("termination-log").toString());
        return env;
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void threeStoresWithKeepCountTwoLeaveTheNewestTwoAndEveryForeignFile() throws Exception {
        Path dir = Files.createDirectory(work.resolve("backups"));
        List<String> foreign = List.of("a-b-20200101T000000Z.dump", "ab-20200101T000000Z.dump", "notes.txt",
                "a-20200101T000000Z.dump.partial", "a-20200101T000000Z.sql");
        for (String name : foreign) {
            Files.writeString(dir.resolve(name), "not ours");
        }
        Map<String, String> env = volumeEnv(dir, "a");
        env.put(BackupEnvironment.KEEP_COUNT, "2");

        List<StoreResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Result r = run(env, T0.plusSeconds(i), "store", "--file", dump("dump " + i).toString());
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            results.add(StoreResult.parse(r.stdout().strip()));
        }

        assertThat(results).containsExactly(
                new StoreResult("a-20261203T100000Z.dump", 6, 1, 0),
                new StoreResult("a-20261203T100001Z.dump", 6, 2, 0),
                new StoreResult("a-20261203T100002Z.dump", 6, 2, 1));
        assertThat(files(dir)).containsExactlyInAnyOrderElementsOf(Stream.concat(foreign.stream(),
                Stream.of("a-20261203T100001Z.dump", "a-20261203T100002Z.dump")).toList());
        assertThat(Files.readString(dir.resolve("a-20261203T100002Z.dump"))).isEqualTo("dump 2");
        assertThat(Files.readString(work.resolve("termination-log"))).isEqualTo(results.get(2).jsonLine() + "\n");
    }

    @Test
    void keepAgeOnS3DeletesOnlyThisStacksOldDumpsBelowThePrefix() throws Exception {
        String prefix = "tenants/age/";
        for (String key : List.of(prefix + "a-20261201T000000Z.dump", prefix + "a-20261203T095000Z.dump",
                prefix + "a-b-20200101T000000Z.dump", prefix + "readme.txt", prefix + "old/a-20200101T000000Z.dump",
                "tenants/other/a-20200101T000000Z.dump", "a-20200101T000000Z.dump")) {
            s3.putObject(AGE, key, "old".getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> env = new HashMap<>(s3.environment(AGE, prefix));
        env.put(BackupEnvironment.STACK, "a");
        env.put(BackupEnvironment.KEEP_AGE, "1h");
        env.put(BackupEnvironment.RESULT_FILE, work.resolve("termination-log").toString());

        Result r = run(env, T0, "store", "--file", dump("new dump").toString());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(StoreResult.parse(r.stdout().strip()))
                .isEqualTo(new StoreResult("a-20261203T100000Z.dump", 8, 2, 1));
        assertThat(s3.keys(AGE)).containsExactlyInAnyOrder(
                prefix + "a-20261203T095000Z.dump", prefix + "a-20261203T100000Z.dump",
                prefix + "a-b-20200101T000000Z.dump", prefix + "readme.txt", prefix + "old/a-20200101T000000Z.dump",
                "tenants/other/a-20200101T000000Z.dump", "a-20200101T000000Z.dump");
        assertThat(new String(s3.object(AGE, prefix + "a-20261203T100000Z.dump"), StandardCharsets.UTF_8))
                .isEqualTo("new dump");
    }

    @Test
    void threeStoresOnS3WithKeepCountTwo() throws Exception {
        String prefix = "tenants/count/";
        Map<String, String> env = new HashMap<>(s3.environment(COUNT, prefix));
        env.put(BackupEnvironment.STACK, "a");
        env.put(BackupEnvironment.KEEP_COUNT, "2");
        env.put(BackupEnvironment.RESULT_FILE, work.resolve("termination-log").toString());

        for (int i = 0; i < 3; i++) {
            Result r = run(env, T0.plusSeconds(i), "store", "--file", dump("dump " + i).toString());
            assertThat(r.exitCode()).as(r.stderr()).isZero();
        }

        assertThat(s3.keys(COUNT))
                .containsExactly(prefix + "a-20261203T100001Z.dump", prefix + "a-20261203T100002Z.dump");
    }

    @Test
    void fetchByNameFromAVolumeWritesTheFileWhole() throws Exception {
        Path dir = Files.createDirectory(work.resolve("backups"));
        Files.writeString(dir.resolve("a-20261203T100000Z.dump"), "the dump");
        Path target = work.resolve("restore.dump");

        Result r = run(volumeEnv(dir, "a"), T0, "fetch", "--name", "a-20261203T100000Z.dump", "--to",
                target.toString());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(Files.readString(target)).isEqualTo("the dump");
        assertThat(files(work)).containsExactlyInAnyOrder("backups", "restore.dump");
    }

    @Test
    void fetchByPathAndByKey() throws Exception {
        Path source = dump("a mounted dump");
        Result byPath = run(Map.of(), T0, "fetch", "--path", source.toString(), "--to", work.resolve("p").toString());
        s3.putObject(BUCKET, "elsewhere/any-name.dump", "an object".getBytes(StandardCharsets.UTF_8));
        Map<String, String> env = new HashMap<>(s3.environment(BUCKET, "ignored/prefix/"));
        Result byKey = run(env, T0, "fetch", "--key", "elsewhere/any-name.dump", "--to", work.resolve("k").toString());

        assertThat(byPath.exitCode()).as(byPath.stderr()).isZero();
        assertThat(Files.readString(work.resolve("p"))).isEqualTo("a mounted dump");
        assertThat(byKey.exitCode()).as(byKey.stderr()).isZero();
        assertThat(Files.readString(work.resolve("k"))).isEqualTo("an object");
    }

    @Test
    void fetchOfWhatIsNotThereExitsOneNamingWhatAndWhere() throws Exception {
        Path dir = Files.createDirectory(work.resolve("backups"));
        Path target = work.resolve("restore.dump");

        Result volume = run(volumeEnv(dir, "a"), T0, "fetch", "--name", "a-20261203T100000Z.dump", "--to",
                target.toString());
        Result key = run(s3.environment(BUCKET, "p/"), T0, "fetch", "--key", "p/none.dump", "--to",
                target.toString());
        Result name = run(s3.environment(BUCKET, "p/"), T0, "fetch", "--name", "none.dump", "--to",
                target.toString());
        Result path = run(Map.of(), T0, "fetch", "--path", work.resolve("none.dump").toString(), "--to",
                target.toString());

        assertThat(volume.exitCode()).isEqualTo(1);
        assertThat(volume.stderr()).contains("a-20261203T100000Z.dump").contains(dir.toString());
        assertThat(key.exitCode()).isEqualTo(1);
        assertThat(key.stderr()).contains("p/none.dump").contains("bucket " + BUCKET);
        assertThat(name.exitCode()).isEqualTo(1);
        assertThat(name.stderr()).contains("none.dump").contains("s3://" + BUCKET + "/p/");
        assertThat(path.exitCode()).isEqualTo(1);
        assertThat(path.stderr()).contains(work.resolve("none.dump").toString());
        assertThat(target).doesNotExist();
    }

    @Test
    void aMissingOrEmptyDumpIsAnError() throws Exception {
        Path dir = Files.createDirectory(work.resolve("backups"));
        Path empty = Files.createFile(work.resolve("empty.dump"));

        Result missing = run(volumeEnv(dir, "a"), T0, "store", "--file", work.resolve("none.dump").toString());
        Result zero = run(volumeEnv(dir, "a"), T0, "store", "--file", empty.toString());

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("none.dump").contains("does not exist");
        assertThat(zero.exitCode()).isEqualTo(1);
        assertThat(zero.stderr()).contains("empty.dump").contains("is empty");
        assertThat(files(dir)).isEmpty();
    }

    @Test
    void aMissingBackupDirectoryIsAFailureNotANewDirectory() throws Exception {
        Path dir = work.resolve("not-mounted");

        Result r = run(volumeEnv(dir, "a"), T0, "store", "--file", dump("x").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains(dir.toString()).contains("does not exist");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aResultFileThatCannotBeWrittenFailsTheStoreSayingTheDumpIsStored() throws Exception {
        Path dir = Files.createDirectory(work.resolve("backups"));
        Map<String, String> env = volumeEnv(dir, "a");
        env.put(BackupEnvironment.RESULT_FILE, work.resolve("no-such-dir/termination-log").toString());

        Result r = run(env, T0, "store", "--file", dump("x").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).as("no result line when the operator cannot read it").isEmpty();
        assertThat(r.stderr()).contains("a-20261203T100000Z.dump is stored in volume directory " + dir)
                .contains(BackupEnvironment.RESULT_FILE);
        assertThat(files(dir)).containsExactly("a-20261203T100000Z.dump");
    }

    @Test
    void usageAndConfigurationErrorsExitTwoNamingTheSetting() throws Exception {
        Path dir = Files.createDirectory(work.resolve("backups"));
        Path file = dump("x");
        Map<String, String> badCount = volumeEnv(dir, "a");
        badCount.put(BackupEnvironment.KEEP_COUNT, "0");
        Map<String, String> badDestination = volumeEnv(dir, "a");
        badDestination.put(BackupEnvironment.DESTINATION, "tape");
        Map<String, String> noBucket = volumeEnv(dir, "a");
        noBucket.put(BackupEnvironment.DESTINATION, "s3");
        Map<String, String> badStack = volumeEnv(dir, "Team_A");

        assertThat(run(badCount, T0, "store", "--file", file.toString()))
                .satisfies(r -> assertExit2(r, BackupEnvironment.KEEP_COUNT));
        assertThat(run(badDestination, T0, "store", "--file", file.toString()))
                .satisfies(r -> assertExit2(r, BackupEnvironment.DESTINATION));
        assertThat(run(noBucket, T0, "store", "--file", file.toString()))
                .satisfies(r -> assertExit2(r, BackupEnvironment.S3_BUCKET));
        assertThat(run(badStack, T0, "store", "--file", file.toString()))
                .satisfies(r -> assertExit2(r, BackupEnvironment.STACK));
        assertThat(run(volumeEnv(dir, "a"), T0, "store")).satisfies(r -> assertExit2(r, "--file"));
        assertThat(run(volumeEnv(dir, "a"), T0, "fetch", "--name", "x", "--path", "y", "--to", "z"))
                .satisfies(r -> assertExit2(r, "exactly one of --name, --key and --path"));
        assertThat(run(volumeEnv(dir, "a"), T0, "fetch", "--key", "x", "--to", "z"))
                .satisfies(r -> assertExit2(r, BackupEnvironment.DESTINATION + "=s3"));
        assertThat(run(volumeEnv(dir, "a"), T0, "restore")).satisfies(r -> assertExit2(r, "unknown backup command"));
        assertThat(files(dir)).isEmpty();
    }

    private static void assertExit2(Result r, String named) {
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
        assertThat(r.stderr()).contains(named).contains("usage: api-app backup");
    }
}
