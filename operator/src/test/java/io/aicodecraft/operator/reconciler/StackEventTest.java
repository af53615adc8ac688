package io.aicodecraft.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which condition changes become events. */
class StackEventTest {

    private static final String T = "2026-01-01T00:00:00Z";

    @Test
    void anUnchangedConditionGivesNoEvent() {
        var running = condition("MigrationsComplete", false, "MigrationRunning", "Job x running");

        assertThat(StackEvent.between(List.of(running), List.of(running))).isEmpty();
    }

    @Test
    void aNewReasonGivesAnEventWithTheConditionsReasonAndMessage() {
        var running = condition("MigrationsComplete", false, "MigrationRunning", "Job x running");
        var failed = condition("MigrationsComplete", false, "MigrationFailed", "Job x failed: BackoffLimitExceeded");

        assertThat(StackEvent.between(List.of(running), List.of(failed)))
                .containsExactly(new StackEvent(true, "MigrationFailed", "Job x failed: BackoffLimitExceeded"));
    }

    @Test
    void aStepInProgressGivesNoEventAndItsOutcomeDoes() {
        var creating = condition("PostgresReady", false, "PostgresCreating", "StatefulSet x created");
        var starting = condition("PostgresReady", false, "PostgresStarting", "0 of 1 ready");
        var ready = condition("PostgresReady", true, "PostgresReady", "1 of 1 ready");

        assertThat(StackEvent.between(List.of(), List.of(creating))).isEmpty();
        assertThat(StackEvent.between(List.of(creating), List.of(starting))).isEmpty();
        assertThat(StackEvent.between(List.of(starting), List.of(ready)))
                .containsExactly(new StackEvent(false, "PostgresReady", "1 of 1 ready"));
    }

    @Test
    void readyGivesAnEventOnlyWhenItBecomesTrue() {
        var notReady = condition("Ready", false, "ComponentsNotReady", "Not ready: ApiReady");
        var ready = condition("Ready", true, "StackReady", "Every component is ready");

        assertThat(StackEvent.between(List.of(), List.of(notReady))).isEmpty();
        assertThat(StackEvent.between(List.of(notReady), List.of(ready)))
                .containsExactly(new StackEvent(false, "StackReady", "Every component is ready"));
    }

    @Test
    void aFailedOrOverdueBackupIsAWarningAndHealthyBackupsAgainANormalEvent() {
        var stored = condition("BackupsHealthy", true, "BackupStored", "Backup a stored");
        var failed = condition("BackupsHealthy", false, "BackupFailed", "Backup Job b failed: pg_dump: error");
        var overdue = condition("BackupsHealthy", false, "BackupOverdue", "No backup stored since ...");

        assertThat(StackEvent.between(List.of(stored), List.of(failed)))
                .containsExactly(new StackEvent(true, "BackupFailed", "Backup Job b failed: pg_dump: error"));
        assertThat(StackEvent.between(List.of(failed), List.of(overdue)))
                .containsExactly(new StackEvent(true, "BackupOverdue", "No backup stored since ..."));
        assertThat(StackEvent.between(List.of(overdue), List.of(stored)))
                .containsExactly(new StackEvent(false, "BackupStored", "Backup a stored"));
    }

    private static Condition condition(String type, boolean holds, String reason, String message) {
        return new ConditionState(type, holds, reason, message).toCondition(null, 1L, T);
    }
}
