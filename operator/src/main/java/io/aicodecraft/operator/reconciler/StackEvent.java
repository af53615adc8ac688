package io.aicodecraft.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Kubernetes Event about a stack: one per milestone reached (PostgreSQL ready, migrations complete, API
 * ready, the stack Ready, backups healthy, the restore done) and one per problem (migration failed, pool plan
 * rejected, a backup failed or overdue, a restore refused ...). The steps in
 * between (creating, starting, running) are shown by the conditions alone: each event is a write to the
 * API server, and a platform with hundreds of stacks pays for every one. They are derived from condition
 * changes, whose messages never carry secret values, so neither do events.
 *
 * @param warning true for type Warning, false for Normal
 * @param reason the condition's reason
 * @param message the condition's message
 */
record StackEvent(boolean warning, String reason, String message) {

    private static final Set<String> WARNING_REASONS =
            Set.of("PoolPlanRejected", "MigrationFailed", "ApiProbeFailed", "ApiDegraded", "ReconcileError",
                    "InvalidSpec", "BackupFailed", "BackupOverdue", "BackupsNotConfigured", "RestoreFailed", "RestoreRefused");

    /** An event for every condition that became True, or whose reason changed to a warning's. */
    static List<StackEvent> between(List<Condition> before, List<Condition> after) {
        Map<String, Condition> earlier = before == null ? Map.of()
                : before.stream().collect(Collectors.toMap(Condition::getType, Function.identity(), (a, b) -> b));
        return after.stream()
                .filter(now -> changed(earlier.get(now.getType()), now))
                .filter(now -> "True".equals(now.getStatus()) || WARNING_REASONS.contains(now.getReason()))
                .map(now -> new StackEvent(WARNING_REASONS.contains(now.getReason()), now.getReason(), now.getMessage()))
                .toList();
    }

    private static boolean changed(Condition before, Condition now) {
        return before == null || !Objects.equals(before.getStatus(), now.getStatus())
                || !Objects.equals(before.getReason(), now.getReason());
    }
}
