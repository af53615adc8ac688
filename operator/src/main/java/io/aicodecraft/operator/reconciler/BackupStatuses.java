package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.BackupFailure;
import io.aicodecraft.operator.crd.BackupSuccess;
import io.aicodecraft.operator.crd.BackupsStatus;
import io.aicodecraft.operator.dependent.BackupRun;
import io.aicodecraft.operator.model.CronSchedule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * status.backups and BackupsHealthy from the previous status and the runs that ended. Pure: the status remembers
 * the last success and failure after the CronJob's history limits delete their Jobs. BackupsHealthy is False when
 * the newest run failed, or when no backup was stored for more than one interval past the run the schedule
 * expected.
 */
final class BackupStatuses {

    private BackupStatuses() {
    }

    static BackupHealth next(String scheduleText, BackupsStatus previous, List<BackupRun> runs,
                             Optional<Instant> scheduledSince, Instant now) {
        CronSchedule schedule = CronSchedule.parse(scheduleText);
        var status = new BackupsStatus();
        status.setLastSuccessful(previous == null ? null : previous.getLastSuccessful());
        status.setLastFailure(previous == null ? null : previous.getLastFailure());
        status.setKept(previous == null ? null : previous.getKept());
        newest(runs, BackupRun.Stored.class)
                .filter(run -> isAfter(run.finished(), status.getLastSuccessful() == null ? null : status.getLastSuccessful().getTime()))
                .ifPresent(run -> {
                    var success = new BackupSuccess();
                    success.setTime(text(run.finished()));
                    success.setName(run.name());
                    success.setSizeBytes(run.sizeBytes());
                    success.setJob(run.job());
                    status.setLastSuccessful(success);
                    status.setKept(run.kept());
                });
        newest(runs, BackupRun.Failed.class)
                .filter(run -> isAfter(run.finished(), status.getLastFailure() == null ? null : status.getLastFailure().getTime()))
                .ifPresent(run -> {
                    var failure = new BackupFailure();
                    failure.setTime(text(run.finished()));
                    failure.setReason(run.reason());
                    failure.setJob(run.job());
                    status.setLastFailure(failure);
                });

        BackupSuccess success = status.getLastSuccessful();
        BackupFailure failure = status.getLastFailure();
        Instant since = success != null ? Instant.parse(success.getTime()) : scheduledSince.orElse(now);
        Instant expected = schedule.next(since);
        Instant overdueAt = schedule.next(expected);
        ConditionState condition;
        // a failure in the same second as a success (the Job controller's times are seconds) is not hidden by it
        if (failure != null && (success == null || !Instant.parse(failure.getTime()).isBefore(Instant.parse(success.getTime())))) {
            condition = new ConditionState(ConditionState.BACKUPS_HEALTHY, false, "BackupFailed",
                    "Backup Job %s failed at %s: %s".formatted(failure.getJob(), failure.getTime(), failure.getReason()));
        } else if (!now.isBefore(overdueAt)) {
            condition = new ConditionState(ConditionState.BACKUPS_HEALTHY, false, "BackupOverdue",
                    "No backup stored since %s; schedule \"%s\" (UTC) expected one at %s. Check the CronJob's Jobs"
                            .formatted(success == null ? "the schedule was set at " + text(since) : text(since),
                                    scheduleText, text(expected)));
        } else if (success != null) {
            condition = new ConditionState(ConditionState.BACKUPS_HEALTHY, true, "BackupStored",
                    "Backup %s stored at %s (%s bytes, %s dumps kept); next scheduled at %s".formatted(
                            success.getName(), success.getTime(), success.getSizeBytes(), status.getKept(),
                            text(schedule.next(now))));
        } else {
            condition = new ConditionState(ConditionState.BACKUPS_HEALTHY, true, "BackupScheduled",
                    "No backup yet; the first is scheduled at %s (schedule \"%s\", UTC)"
                            .formatted(text(expected), scheduleText));
        }
        return new BackupHealth(status, condition, condition.holds() ? Optional.of(overdueAt) : Optional.empty());
    }

    private static <R extends BackupRun> Optional<R> newest(List<BackupRun> runs, Class<R> kind) {
        return runs.stream().filter(kind::isInstance).map(kind::cast).max(Comparator.comparing(BackupRun::finished));
    }

    private static boolean isAfter(Instant time, String previous) {
        return previous == null || time.truncatedTo(ChronoUnit.SECONDS).isAfter(Instant.parse(previous));
    }

    private static String text(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
