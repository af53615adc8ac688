package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.BackupsStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * The backups of a stack as one reconcile sees them.
 *
 * @param status what status.backups says
 * @param condition BackupsHealthy
 * @param recheckAt when BackupsHealthy turns False if no run ends before then (a schedule overdue); no event
 *     marks that moment, so the reconcile is rescheduled to it. Empty when it is False already: then only the end
 *     of a run changes it, and that is an event
 */
record BackupHealth(BackupsStatus status, ConditionState condition, Optional<Instant> recheckAt) {
}
