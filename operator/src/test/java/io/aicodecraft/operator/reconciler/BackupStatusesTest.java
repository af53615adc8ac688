package io.aicodecraft.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.crd.BackupSuccess;
import io.aicodecraft.operator.crd.BackupsStatus;
import io.aicodecraft.operator.dependent.BackupRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** status.backups and BackupsHealthy for a daily schedule at 03:00 UTC. */
class BackupStatusesTest {

    private static final String DAILY = "0 3 * * *";
    private static final Optional<Instant> CREATED = Optional.of(Instant.parse("2026-12-01T12:00:00Z"));

    @Test
    void beforeTheFirstRunTheScheduleIsHealthyAndSaysWhenTheFirstIs() {
        var health = BackupStatuses.next(DAILY, null, List.of(), CREATED, Instant.parse("2026-12-01T13:00:00Z"));

        assertThat(health.condition().holds()).isTrue();
        assertThat(health.condition().reason()).isEqualTo("BackupScheduled");
        assertThat(health.condition().message()).contains("2026-12-02T03:00:00Z");
        assertThat(health.status().getLastSuccessful()).isNull();
        assertThat(health.recheckAt()).contains(Instant.parse("2026-12-03T03:00:00Z"));
    }

    @Test
    void aStoredRunIsTheLastSuccessfulWithItsNameSizeAndCountKept() {
        var run = new BackupRun.Stored("team-a-backup-29412345", Instant.parse("2026-12-02T03:00:41Z"),
                "team-a-20261202T030012Z.dump", 12345L, 3);

        var health = BackupStatuses.next(DAILY, null, List.of(run), CREATED, Instant.parse("2026-12-02T04:00:00Z"));

        var success = health.status().getLastSuccessful();
        assertThat(success.getName()).isEqualTo("team-a-20261202T030012Z.dump");
        assertThat(success.getSizeBytes()).isEqualTo(12345L);
        assertThat(success.getTime()).isEqualTo("2026-12-02T03:00:41Z");
        assertThat(success.getJob()).isEqualTo("team-a-backup-29412345");
        assertThat(health.status().getKept()).isEqualTo(3);
        assertThat(health.condition().holds()).isTrue();
        assertThat(health.condition().reason()).isEqualTo("BackupStored");
        // the next is expected at 12-03 03:00; overdue one interval later
        assertThat(health.recheckAt()).contains(Instant.parse("2026-12-04T03:00:00Z"));
    }

    @Test
    void aFailedRunAfterTheLastSuccessMakesTheBackupsUnhealthyWithItsReason() {
        var stored = new BackupRun.Stored("a", Instant.parse("2026-12-01T03:00:40Z"), "n", 1L, 1);
        var failed = new BackupRun.Failed("b", Instant.parse("2026-12-02T03:00:05Z"),
                "container dump exited with 1: pg_dump: error: connection to server failed");

        var health = BackupStatuses.next(DAILY, null, List.of(failed, stored), CREATED, Instant.parse("2026-12-02T04:00:00Z"));

        assertThat(health.condition().holds()).isFalse();
        assertThat(health.condition().reason()).isEqualTo("BackupFailed");
        assertThat(health.condition().message()).contains("Backup Job b failed at 2026-12-02T03:00:05Z")
                .contains("pg_dump: error: connection to server failed");
        assertThat(health.status().getLastFailure().getJob()).isEqualTo("b");
        assertThat(health.status().getLastSuccessful().getJob()).isEqualTo("a");
    }

    @Test
    void aFailureInTheSameSecondAsASuccessIsNotHiddenByIt() {
        var stored = new BackupRun.Stored("a", Instant.parse("2026-12-02T03:00:05.100Z"), "n", 1L, 1);
        var failed = new BackupRun.Failed("b", Instant.parse("2026-12-02T03:00:05.900Z"), "boom");

        var health = BackupStatuses.next(DAILY, null, List.of(stored, failed), CREATED, Instant.parse("2026-12-02T04:00:00Z"));

        assertThat(health.condition().reason()).isEqualTo("BackupFailed");
    }

    @Test
    void aSuccessAfterAFailureMakesThemHealthyAgainAndKeepsTheFailureOnRecord() {
        var failed = new BackupRun.Failed("b", Instant.parse("2026-12-02T03:00:05Z"), "boom");
        var stored = new BackupRun.Stored("c", Instant.parse("2026-12-02T09:00:00Z"), "n", 1L, 2);

        var health = BackupStatuses.next(DAILY, null, List.of(failed, stored), CREATED, Instant.parse("2026-12-02T10:00:00Z"));

        assertThat(health.condition().holds()).isTrue();
        assertThat(health.status().getLastFailure().getReason()).isEqualTo("boom");
    }

    @Test
    void noBackupForMoreThanOneIntervalPastTheExpectedRunIsOverdue() {
        var previous = new BackupsStatus();
        var success = new BackupSuccess();
        success.setTime("2026-12-01T03:00:30Z");
        success.setName("team-a-20261201T030000Z.dump");
        previous.setLastSuccessful(success);

        // expected 12-02 03:00; a day later still nothing
        var late = BackupStatuses.next(DAILY, previous, List.of(), CREATED, Instant.parse("2026-12-02T23:00:00Z"));
        var overdue = BackupStatuses.next(DAILY, previous, List.of(), CREATED, Instant.parse("2026-12-03T03:00:00Z"));

        assertThat(late.condition().holds()).isTrue();
        assertThat(overdue.condition().holds()).isFalse();
        assertThat(overdue.condition().reason()).isEqualTo("BackupOverdue");
        assertThat(overdue.condition().message()).contains("since 2026-12-01T03:00:30Z").contains("2026-12-02T03:00:00Z");
        // what the status remembers outlives the Jobs
        assertThat(overdue.status().getLastSuccessful().getName()).isEqualTo("team-a-20261201T030000Z.dump");
    }

    @Test
    void anOverdueOrFailedScheduleAsksForNoRecheckInThePast() {
        // a recheck in the past would reconcile the stack again at once, and again, for as long as it stays overdue
        var overdue = BackupStatuses.next(DAILY, null, List.of(), CREATED, Instant.parse("2026-12-05T12:00:00Z"));
        var failed = BackupStatuses.next(DAILY, null,
                List.of(new BackupRun.Failed("b", Instant.parse("2026-12-02T03:00:05Z"), "boom")), CREATED,
                Instant.parse("2026-12-05T12:00:00Z"));

        assertThat(overdue.condition().reason()).isEqualTo("BackupOverdue");
        assertThat(overdue.recheckAt()).isEmpty();
        assertThat(failed.condition().reason()).isEqualTo("BackupFailed");
        assertThat(failed.recheckAt()).isEmpty();
    }

    @Test
    void aScheduleThatNeverRanIsOverdueCountedFromWhenItWasSet() {
        var health = BackupStatuses.next(DAILY, null, List.of(), CREATED, Instant.parse("2026-12-03T03:00:00Z"));

        assertThat(health.condition().reason()).isEqualTo("BackupOverdue");
    }

    @Test
    void anOlderRunThanTheRecordedOneChangesNothing() {
        var previous = new BackupsStatus();
        var success = new BackupSuccess();
        success.setTime("2026-12-02T03:00:30Z");
        success.setName("newer");
        previous.setLastSuccessful(success);
        previous.setKept(5);
        var older = new BackupRun.Stored("old", Instant.parse("2026-12-01T03:00:30Z"), "older", 1L, 1);

        var health = BackupStatuses.next(DAILY, previous, List.of(older), CREATED, Instant.parse("2026-12-02T04:00:00Z"));

        assertThat(health.status().getLastSuccessful().getName()).isEqualTo("newer");
        assertThat(health.status().getKept()).isEqualTo(5);
    }
}
