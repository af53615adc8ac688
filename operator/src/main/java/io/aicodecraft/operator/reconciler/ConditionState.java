package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.dependent.StackWorkloads;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

/**
 * What the operator concluded about one condition in this reconcile, before it becomes a status
 * condition.
 *
 * @param type the condition type, one of the constants here
 * @param holds true for status "True"
 * @param reason a CamelCase word a tool can match on
 * @param message for a person: what is the case and, when False, what is awaited or wrong
 */
public record ConditionState(String type, boolean holds, String reason, String message) {

    public static final String POSTGRES_READY = "PostgresReady";
    public static final String REDIS_READY = "RedisReady";
    public static final String POOLS_CONFIGURED = "PoolsConfigured";
    public static final String MIGRATIONS_COMPLETE = "MigrationsComplete";
    /** Present with spec.postgres.restoreFrom: the migrations wait for it. */
    public static final String RESTORED = StackWorkloads.RESTORED;
    public static final String API_READY = "ApiReady";
    public static final String READY = "Ready";
    public static final String PAUSED = "Paused";
    /** Present with spec.postgres.backup; Ready does not wait for it: a stack serves while a backup fails. */
    public static final String BACKUPS_HEALTHY = "BackupsHealthy";

    /**
     * The status condition, keeping {@code previous}'s lastTransitionTime unless the status changed
     * (the Kubernetes convention: the time says since when it is True or False, not when the message
     * last changed).
     */
    public Condition toCondition(Condition previous, Long generation, String now) {
        String status = holds ? "True" : "False";
        boolean unchanged = previous != null && status.equals(previous.getStatus())
                && previous.getLastTransitionTime() != null;
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(unchanged ? previous.getLastTransitionTime() : now)
                .build();
    }
}
