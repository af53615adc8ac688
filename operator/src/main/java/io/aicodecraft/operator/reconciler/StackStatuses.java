package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.AICodeCraftStackStatus;
import io.aicodecraft.operator.crd.PoolsStatus;
import io.aicodecraft.operator.crd.StackEndpoints;
import io.aicodecraft.operator.crd.StackPhase;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The next status of a stack, from its previous status and what this reconcile observed. Pure: no
 * client, no clock (the caller passes the time), so every rule here is tested without a cluster.
 */
final class StackStatuses {

    /** The reasons that need a person rather than time. */
    private static final Set<String> FAILED_REASONS = Set.of("PoolPlanRejected", "MigrationFailed", "RestoreFailed",
            "RestoreRefused");
    /** An API that has its pods but answers its readiness check badly. */
    private static final Set<String> DEGRADED_REASONS = Set.of("ApiProbeFailed", "ApiDegraded");

    private StackStatuses() {
    }

    static AICodeCraftStackStatus next(AICodeCraftStack stack, AICodeCraftStackStatus previous,
                                       Observation observation, String now) {
        Long generation = stack.getMetadata().getGeneration();
        var before = byType(previous.getConditions());
        List<ConditionState> states = new ArrayList<>(observation.components());
        states.add(ready(observation, generation));
        observation.backups().ifPresent(backups -> states.add(backups.condition()));
        var status = new AICodeCraftStackStatus();
        status.setObservedGeneration(generation);
        status.setConditions(states.stream()
                .map(state -> state.toCondition(before.get(state.type()), generation, now))
                .toList());
        status.setPhase(phase(observation));
        status.setPhaseReason(phaseReason(observation));
        // the schema follows the last image whose migration succeeded; a failed migration keeps the old one
        status.setSchemaVersion(observation.migratedImage().map(StackStatuses::schemaOf)
                .orElse(previous.getSchemaVersion()));
        if (observation.apiServiceExists()) {
            var endpoints = new StackEndpoints();
            endpoints.setApi(StackNames.apiUrl(stack));
            status.setEndpoints(endpoints);
        }
        status.setPools(pools(observation));
        status.setApiReadyReplicas(observation.apiReadyReplicas());
        status.setBackups(observation.backups().map(BackupHealth::status).orElse(previous.getBackups()));
        status.setTls(observation.tls().orElse(null));
        status.setCredentials(observation.credentials().orElse(null));
        return status;
    }

    /**
     * A paused stack: every earlier condition stays as it was (it describes the generation it names),
     * {@code Paused=True} is added, and nothing else is claimed about the current spec.
     */
    static AICodeCraftStackStatus paused(AICodeCraftStack stack, AICodeCraftStackStatus previous, String now) {
        Long generation = stack.getMetadata().getGeneration();
        var before = byType(previous.getConditions());
        List<Condition> conditions = new ArrayList<>(previous.getConditions().stream()
                .filter(c -> !ConditionState.PAUSED.equals(c.getType()))
                .toList());
        conditions.add(new ConditionState(ConditionState.PAUSED, true, "Paused",
                "spec.paused is true: the operator changes nothing in this stack until it is false")
                .toCondition(before.get(ConditionState.PAUSED), generation, now));
        var status = copyOf(previous);
        status.setConditions(conditions);
        status.setPhase(StackPhase.Paused);
        status.setPhaseReason("spec.paused is true");
        return status;
    }

    /** A reconcile that threw: Ready=False with the error, everything else as it was. */
    static AICodeCraftStackStatus failed(AICodeCraftStack stack, AICodeCraftStackStatus previous, String error,
                                         String now) {
        return withReady(stack, previous, new ConditionState(ConditionState.READY, false, "ReconcileError",
                "The last reconcile failed and will be retried: " + error), now);
    }

    /** A spec the operator refuses before creating anything: Ready=False, phase Failed, the rest as it was. */
    static AICodeCraftStackStatus invalid(AICodeCraftStack stack, AICodeCraftStackStatus previous, List<String> problems,
                                          String now) {
        var status = withReady(stack, previous, new ConditionState(ConditionState.READY, false, "InvalidSpec",
                "The spec cannot be reconciled until it is fixed: " + String.join("; ", problems)), now);
        status.setPhase(StackPhase.Failed);
        status.setPhaseReason("InvalidSpec: " + String.join("; ", problems));
        status.setObservedGeneration(stack.getMetadata().getGeneration());
        return status;
    }

    private static AICodeCraftStackStatus withReady(AICodeCraftStack stack, AICodeCraftStackStatus previous,
                                                    ConditionState ready, String now) {
        Long generation = stack.getMetadata().getGeneration();
        var before = byType(previous.getConditions());
        List<Condition> conditions = new ArrayList<>(previous.getConditions().stream()
                .filter(c -> !ConditionState.READY.equals(c.getType()))
                .toList());
        conditions.add(ready.toCondition(before.get(ConditionState.READY), generation, now));
        var status = copyOf(previous);
        status.setConditions(conditions);
        return status;
    }

    private static ConditionState ready(Observation observation, Long generation) {
        if (observation.allHold()) {
            return new ConditionState(ConditionState.READY, true, "StackReady",
                    "Every component is ready for generation " + generation);
        }
        String waiting = observation.components().stream()
                .filter(c -> !c.holds())
                .map(c -> c.type() + " (" + c.reason() + ")")
                .collect(Collectors.joining(", "));
        return new ConditionState(ConditionState.READY, false, "ComponentsNotReady", "Not ready: " + waiting);
    }

    private static StackPhase phase(Observation observation) {
        var components = observation.components();
        if (components.stream().anyMatch(c -> FAILED_REASONS.contains(c.reason()))) {
            return StackPhase.Failed;
        }
        if (observation.allHold()) {
            return StackPhase.Ready;
        }
        if (observation.component(ConditionState.POSTGRES_READY).holds()
                && !observation.component(ConditionState.MIGRATIONS_COMPLETE).holds()) {
            return StackPhase.Migrating;
        }
        boolean apiUnhealthy = DEGRADED_REASONS.contains(observation.component(ConditionState.API_READY).reason());
        boolean backendDown = !observation.component(ConditionState.POSTGRES_READY).holds()
                || !observation.component(ConditionState.REDIS_READY).holds();
        if (apiUnhealthy || (observation.apiServing() && backendDown)) {
            return StackPhase.Degraded;
        }
        // past the migrations a stack never goes back to Provisioning: what is left is rolling out
        if (observation.component(ConditionState.POSTGRES_READY).holds()
                && observation.component(ConditionState.MIGRATIONS_COMPLETE).holds()) {
            return StackPhase.RollingOut;
        }
        return StackPhase.Provisioning;
    }

    /**
     * The component the phase is about, with its reason and message: a failed one, else a degraded one, else the
     * first in the flow's order that does not hold yet; none when every component holds.
     */
    private static String phaseReason(Observation observation) {
        var components = observation.components();
        return components.stream().filter(c -> FAILED_REASONS.contains(c.reason())).findFirst()
                .or(() -> components.stream().filter(c -> DEGRADED_REASONS.contains(c.reason())).findFirst())
                .or(() -> components.stream().filter(c -> !c.holds()).findFirst())
                .map(c -> c.type() + " (" + c.reason() + "): " + c.message())
                .orElse(null);
    }

    private static PoolsStatus pools(Observation observation) {
        var pools = new PoolsStatus();
        pools.setApiPodsMax(observation.plan().apiPodsMax());
        pools.setDatabasePoolPerPod(observation.plan().databasePoolPerPod());
        pools.setPostgresMaxConnections(observation.plan().postgresMaxConnections());
        return pools;
    }

    /**
     * The schema an image's migrations reach, named by the image's tag (or digest): the API's
     * {@code migrate} prints the Flyway version only to the Job's log, and the image pins its migrations.
     */
    static String schemaOf(String image) {
        int digest = image.indexOf('@');
        if (digest >= 0) {
            String hash = image.substring(digest + 1);
            return hash.substring(0, Math.min(hash.length(), 19));
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
    }

    private static Map<String, Condition> byType(List<Condition> conditions) {
        return conditions == null ? Map.of()
                : conditions.stream().collect(Collectors.toMap(Condition::getType, Function.identity(), (a, b) -> b));
    }

    private static AICodeCraftStackStatus copyOf(AICodeCraftStackStatus previous) {
        var status = new AICodeCraftStackStatus();
        status.setObservedGeneration(previous.getObservedGeneration());
        status.setPhase(previous.getPhase());
        status.setPhaseReason(previous.getPhaseReason());
        status.setConditions(previous.getConditions());
        status.setSchemaVersion(previous.getSchemaVersion());
        status.setEndpoints(previous.getEndpoints());
        status.setPools(previous.getPools());
        status.setApiReadyReplicas(previous.getApiReadyReplicas());
        status.setBackups(previous.getBackups());
        status.setTls(previous.getTls());
        status.setCredentials(previous.getCredentials());
        return status;
    }
}
