package io.aicodecraft.api.store;

import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.DatabaseConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Group commit on a real PostgreSQL: a database of its own with one table of unique words. */
class GroupCommitTest {
    private static Database database;

    /** A committed row: its word and the transaction that wrote it. */
    private record Row(String word, long transaction) {
    }

    @BeforeAll
    static void start() {
        database = new Database(TestServers.shared().emptyDatabase());
        database.run(connection -> {
            try (Statement create = connection.createStatement()) {
                return create.execute("CREATE TABLE words (word text PRIMARY KEY)");
            }
        });
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static SqlWork<Row> insert(String word) {
        return connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO words (word) VALUES (?) RETURNING word, txid_current()")) {
                statement.setString(1, word);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return new Row(row.getString(1), row.getLong(2));
                }
            }
        };
    }

    /** The transaction that held the committer, and the writes queued behind it. */
    private record Behind(Row held, List<CompletableFuture<Row>> queued) {
    }

    /**
     * Holds the committer in a transaction of its own until {@code writes} wait behind it, runs {@code whileHeld},
     * then lets the committer go on.
     */
    private static Behind behindATransaction(GroupCommit commits, List<SqlWork<Row>> writes, Runnable whileHeld)
            throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SqlWork<Row> held = connection -> {
            inside.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return insert(word()).run(connection);
        };
        CompletableFuture<Row> first = CompletableFuture.supplyAsync(() -> commits.run(held),
                runnable -> Thread.ofVirtual().start(runnable));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Row>> queued = queued(commits, writes);
        whileHeld.run();
        release.countDown();
        return new Behind(first.get(10, TimeUnit.SECONDS), queued);
    }

    private static boolean stored(String word) {
        return database.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM words WHERE word = ?")) {
                select.setString(1, word);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    private static String word() {
        return "w" + UUID.randomUUID();
    }

    /** Starts {@code writes} from callers of their own and waits until each of them waits for its commit. */
    private static List<CompletableFuture<Row>> queued(GroupCommit commits, List<SqlWork<Row>> writes) {
        List<Thread> callers = new ArrayList<>();
        List<CompletableFuture<Row>> results = new ArrayList<>();
        for (SqlWork<Row> write : writes) {
            CompletableFuture<Row> result = new CompletableFuture<>();
            results.add(result);
            callers.add(Thread.ofVirtual().start(() -> {
                try {
                    result.complete(commits.run(write));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> callers.stream().allMatch(caller -> caller.getState() == Thread.State.WAITING));
        return results;
    }

    @Test
    void eachCallerReturnsWithItsOwnRowCommitted() {
        try (GroupCommit commits = new GroupCommit(database, 8, 1)) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                words.add(word());
            }
            List<CompletableFuture<Row>> results = words.stream()
                    .map(word -> CompletableFuture.supplyAsync(() -> commits.run(insert(word)),
                            runnable -> Thread.ofVirtual().start(runnable)))
                    .toList();

            for (int i = 0; i < words.size(); i++) {
                Row row = results.get(i).join();
                assertThat(row.word()).isEqualTo(words.get(i));
                assertThat(stored(row.word())).as("committed before its caller returned").isTrue();
            }
        }
    }

    @Test
    void writesThatArriveWhileATransactionCommitsShareTheNextOne() throws Exception {
        try (GroupCommit commits = new GroupCommit(database, 64, 1)) {
            Behind behind = behindATransaction(commits, words(10), () -> { });

            List<Long> transactions = transactions(behind.queued());
            assertThat(transactions).as("one transaction for the ten").hasSize(1)
                    .doesNotContain(behind.held().transaction());
        }
    }

    @Test
    void aBatchHoldsAtMostItsMaximum() throws Exception {
        try (GroupCommit commits = new GroupCommit(database, 3, 1)) {
            Behind behind = behindATransaction(commits, words(7), () -> { });

            assertThat(transactions(behind.queued())).as("seven writes, three at most per transaction").hasSize(3);
        }
    }

    @Test
    void withTwoCommittersAWriteCommitsWhileTheOtherTransactionIsHeld() throws Exception {
        try (GroupCommit commits = new GroupCommit(database, 64, 2)) {
            String during = word();
            behindATransaction(commits, List.of(), () -> {
                try {
                    // with one committer this waits for the held transaction, and times out
                    Row row = CompletableFuture.supplyAsync(() -> commits.run(insert(during)),
                            runnable -> Thread.ofVirtual().start(runnable)).get(10, TimeUnit.SECONDS);
                    assertThat(stored(row.word())).as("committed while the other transaction was open").isTrue();
                } catch (Exception e) {
                    throw new AssertionError("the second committer did not commit the write", e);
                }
            });
        }
    }

    @Test
    void aWriteThatFailsFailsOnlyItsOwnCaller() throws Exception {
        String taken = word();
        try (GroupCommit commits = new GroupCommit(database, 64, 1)) {
            commits.run(insert(taken));
            List<String> good = List.of(word(), word(), word());
            List<SqlWork<Row>> writes = new ArrayList<>(good.stream().map(GroupCommitTest::insert).toList());
            writes.add(1, insert(taken));

            List<CompletableFuture<Row>> results = behindATransaction(commits, writes, () -> { }).queued();

            assertThat(results.get(0).get(10, TimeUnit.SECONDS).word()).isEqualTo(good.get(0));
            assertThatThrownBy(() -> results.get(1).join()).hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("duplicate key");
            assertThat(results.get(2).join().word()).isEqualTo(good.get(1));
            assertThat(results.get(3).join().word()).isEqualTo(good.get(2));
            assertThat(good).allMatch(GroupCommitTest::stored);
        }
    }

    @Test
    void withoutPostgresEveryCallerIsToldTheDatabaseIsUnavailable() {
        DatabaseConfig nowhere = new DatabaseConfig("jdbc:postgresql://127.0.0.1:" + TestServers.freePort() + "/none",
                "postgres", "", 0, 2, Duration.ofMillis(250));
        try (Database away = new Database(nowhere); GroupCommit commits = new GroupCommit(away, 8, 1)) {
            assertThatThrownBy(() -> commits.run(insert(word()))).isInstanceOf(DatabaseUnavailableException.class);
        }
    }

    @Test
    void closingCommitsWhatIsQueuedAndRefusesWhatComesAfter() throws Exception {
        GroupCommit commits = new GroupCommit(database, 64, 1);
        String queuedWord = word();
        Thread[] closing = new Thread[1];

        Behind behind = behindATransaction(commits, List.of(insert(queuedWord)),
                () -> closing[0] = Thread.ofVirtual().start(commits::close));

        assertThat(behind.queued().getFirst().get(10, TimeUnit.SECONDS).word()).isEqualTo(queuedWord);
        assertThat(stored(queuedWord)).isTrue();
        assertThat(closing[0].join(Duration.ofSeconds(10))).as("closed").isTrue();
        assertThatThrownBy(() -> commits.run(insert(word()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static List<SqlWork<Row>> words(int count) {
        List<SqlWork<Row>> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            writes.add(insert(word()));
        }
        return writes;
    }

    private static List<Long> transactions(List<CompletableFuture<Row>> results) {
        return results.stream().map(CompletableFuture::join).map(Row::transaction).distinct().toList();
    }
}
