package io.aicodecraft.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.AICodeCraftStackStatus;
import io.aicodecraft.operator.crd.StackPhase;
import io.aicodecraft.operator.model.PoolPlan;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status rules, without a cluster: conditions, their times, the phase and the schema version. */
class StackStatusesTest {

    private static final String EARLIER = "2026-01-01T00:00:00Z";
    private static final String NOW = "2026-01-02T00:00:00Z";

    private final AICodeCraftStack stack = generation(TestStacks.minimal("ns", "team-a"), 4L);

    @Test
    void aConditionKeepsItsTransitionTimeWhenOnlyItsMessageChanges() {
        var previous = statusWith(new ConditionState("PostgresReady", false, "PostgresStarting", "0 of 1 pods ready")
                .toCondition(null, 3L, EARLIER));

        var next = StackStatuses.next(stack, previous, observation(postgres(false, "PostgresStarting", "still 0 of 1")), NOW);

        assertThat(condition(next, "PostgresReady").getLastTransitionTime()).isEqualTo(EARLIER);
        assertThat(condition(next, "PostgresReady").getMessage()).isEqualTo("still 0 of 1");
        assertThat(condition(next, "PostgresReady").getObservedGeneration()).isEqualTo(4L);
    }

    @Test
    void aConditionGetsANewTransitionTimeWhenItsStatusChanges() {
        var previous = statusWith(new ConditionState("PostgresReady", false, "PostgresStarting", "0 of 1")
                .toCondition(null, 3L, EARLIER));

        var next = StackStatuses.next(stack, previous, observation(postgres(true, "PostgresReady", "ready")), NOW);

        assertThat(condition(next, "PostgresReady").getLastTransitionTime()).isEqualTo(NOW);
    }

    @Test
    void readyIsTrueOnlyWhenEveryComponentHoldsAndNamesTheGeneration() {
        var allHold = StackStatuses.next(stack, new AICodeCraftStackStatus(),
                observation(postgres(true, "PostgresReady", "ready")), NOW);
        var oneWaits = StackStatuses.next(stack, new AICodeCraftStackStatus(),
                observation(postgres(false, "PostgresStarting", "0 of 1")), NOW);

        assertThat(condition(allHold, "Ready").getStatus()).isEqualTo("True");
        assertThat(condition(allHold, "Ready").getObservedGeneration()).isEqualTo(4L);
        assertThat(allHold.getObservedGeneration()).isEqualTo(4L);
        assertThat(allHold.getPhase()).isEqualTo(StackPhase.Ready);
        assertThat(condition(oneWaits, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(oneWaits, "Ready").getMessage()).contains("PostgresReady (PostgresStarting)");
    }

    @Test
    void aFailedMigrationMakesTheStackFailedAndKeepsTheOldSchemaVersion() {
        var previous = new AICodeCraftStackStatus();
        previous.setSchemaVersion("0.1.0");
        var failed = new ConditionState("MigrationsComplete", false, "MigrationFailed", "Job x failed");

        var next = StackStatuses.next(stack, previous, observation(postgres(true, "PostgresReady", "ready"), failed), NOW);

        assertThat(next.getPhase()).isEqualTo(StackPhase.Failed);
        assertThat(next.getSchemaVersion()).isEqualTo("0.1.0");
    }

    @Test
    void afterTheMigrationsTheStackIsRollingOutNotBackToProvisioning() {
        var rollingOut = new ConditionState("ApiReady", false, "ApiRollingOut", "0 of 2 ready");

        var next = StackStatuses.next(stack, new AICodeCraftStackStatus(), observation(rollingOut), NOW);

        assertThat(next.getPhase()).isEqualTo(StackPhase.RollingOut);
        assertThat(StackPhase.RollingOut).isGreaterThan(StackPhase.Migrating).isLessThan(StackPhase.Ready);
    }

    @Test
    void thePhaseReasonNamesTheComponentThePhaseIsAbout() {
        var failed = new ConditionState("MigrationsComplete", false, "MigrationFailed", "Job x failed");
        var rollingOut = new ConditionState("ApiReady", false, "ApiRollingOut", "0 of 2 ready");

        assertThat(StackStatuses.next(stack, new AICodeCraftStackStatus(), observation(rollingOut, failed), NOW)
                .getPhaseReason()).isEqualTo("MigrationsComplete (MigrationFailed): Job x failed");
        assertThat(StackStatuses.next(stack, new AICodeCraftStackStatus(), observation(rollingOut), NOW)
                .getPhaseReason()).isEqualTo("ApiReady (ApiRollingOut): 0 of 2 ready");
        assertThat(StackStatuses.next(stack, new AICodeCraftStackStatus(), observation(), NOW).getPhaseReason()).isNull();
    }

    @Test
    void anApiFailingItsProbeMakesTheStackDegraded() {
        var probeFailed = new ConditionState("ApiReady", false, "ApiProbeFailed", "503");

        var next = StackStatuses.next(stack, new AICodeCraftStackStatus(),
                observation(postgres(true, "PostgresReady", "ready"), probeFailed), NOW);

        assertThat(next.getPhase()).isEqualTo(StackPhase.Degraded);
    }

    @Test
    void pausingAddsPausedAndLeavesEveryOtherConditionAsItWas() {
        var ready = new ConditionState("Ready", true, "StackReady", "ready").toCondition(null, 3L, EARLIER);
        var previous = statusWith(ready);
        previous.setObservedGeneration(3L);

        var next = StackStatuses.paused(stack, previous, NOW);

        assertThat(next.getPhase()).isEqualTo(StackPhase.Paused);
        assertThat(next.getObservedGeneration()).isEqualTo(3L);
        assertThat(condition(next, "Ready")).isEqualTo(ready);
        assertThat(condition(next, "Paused").getStatus()).isEqualTo("True");
    }

    @Test
    void theSchemaVersionIsTheMigratedImagesTagOrDigest() {
        assertThat(StackStatuses.schemaOf("ghcr.io/aicodecraft/api-app:0.2.0")).isEqualTo("0.2.0");
        assertThat(StackStatuses.schemaOf("registry:5000/api-app")).isEqualTo("latest");
        assertThat(StackStatuses.schemaOf("ghcr.io/aicodecraft/api-app@sha256:0123456789abcdef0123"))
                .isEqualTo("sha256:0123456789ab");
    }

    private static AICodeCraftStack generation(AICodeCraftStack stack, long generation) {
        stack.getMetadata().setGeneration(generation);
        return stack;
    }

    private static ConditionState postgres(boolean holds, String reason, String message) {
        return new ConditionState("PostgresReady", holds, reason, message);
    }

    /** Every component ready, except those given. */
    private Observation observation(ConditionState... overrides) {
        List<ConditionState> components = new ArrayList<>(List.of(
                new ConditionState("PostgresReady", true, "PostgresReady", "ready"),
                new ConditionState("RedisReady", true, "RedisReady", "ready"),
                new ConditionState("PoolsConfigured", true, "PoolPlanFits", "fits"),
                new ConditionState("MigrationsComplete", true, "MigrationSucceeded", "done"),
                new ConditionState("ApiReady", true, "ApiAvailable", "200")));
        for (var override : overrides) {
            components.replaceAll(c -> c.type().equals(override.type()) ? override : c);
        }
        return new Observation(components, PoolPlan.of(stack.getSpec()), Optional.empty(), true, true, 2,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static AICodeCraftStackStatus statusWith(Condition condition) {
        var status = new AICodeCraftStackStatus();
        status.setConditions(List.of(condition));
        return status;
    }

    private static Condition condition(AICodeCraftStackStatus status, String type) {
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
    }
}
