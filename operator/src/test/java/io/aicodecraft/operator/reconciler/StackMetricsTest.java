package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void eachConditionIsOneWhileTrueAndZeroWhileFalse() {
        var registry = new SimpleMeterRegistry();
        var metrics = new StackMetrics(registry);
        var stack = TestStacks.minimal("tenant-a", "team-a");

        metrics.recordConditions(stack, List.of(condition("Ready", "False"), condition("PostgresReady", "True")));
        assertThat(value(registry, "team-a", "Ready")).isZero();
        assertThat(value(registry, "team-a", "PostgresReady")).isOne();

        metrics.recordConditions(stack, List.of(condition("Ready", "True")));
        assertThat(value(registry, "team-a", "Ready")).isOne();
        assertThat(registry.find(StackMetrics.CONDITION).gauges()).hasSize(2);
    }

    @Test
    void reconcileErrorsAreCountedPerStackFromZero() {
        var registry = new SimpleMeterRegistry();
        var metrics = new StackMetrics(registry);
        var failing = TestStacks.minimal("tenant-a", "team-a");
        var healthy = TestStacks.minimal("tenant-a", "team-b");

        metrics.recordConditions(failing, List.of(condition("Ready", "True")));
        metrics.recordConditions(healthy, List.of(condition("Ready", "True")));
        assertThat(errors(registry, "team-a")).as("a stack not yet failed has its series").isZero();
        metrics.countError(failing);
        metrics.countError(failing);

        assertThat(errors(registry, "team-a")).isEqualTo(2);
        assertThat(errors(registry, "team-b")).isZero();
    }

    @Test
    void theSeriesOfAStackThatIsGoneAreRemovedAtMostOnceAMinute() {
        var registry = new SimpleMeterRegistry();
        var metrics = new StackMetrics(registry);
        var kept = TestStacks.minimal("tenant-a", "team-a");
        var deleted = TestStacks.minimal("tenant-a", "team-b");
        metrics.recordConditions(kept, List.of(condition("Ready", "True")));
        metrics.recordConditions(deleted, List.of(condition("Ready", "True")));
        metrics.countError(deleted);
        metrics.prune(id -> true, NOW);

        metrics.prune(id -> id.equals(ResourceID.fromResource(kept)), NOW.plusSeconds(30));
        assertThat(registry.find(StackMetrics.CONDITION).gauges()).as("not a minute since the last").hasSize(2);

        metrics.prune(id -> id.equals(ResourceID.fromResource(kept)), NOW.plusSeconds(61));
        assertThat(registry.find(StackMetrics.CONDITION).gauges()).singleElement()
                .satisfies(gauge -> assertThat(gauge.getId().getTag("stack")).isEqualTo("team-a"));
        assertThat(registry.find(StackMetrics.RECONCILE_ERRORS).counters()).singleElement()
                .satisfies(counter -> assertThat(counter.getId().getTag("stack")).isEqualTo("team-a"));
    }

    private static double value(SimpleMeterRegistry registry, String stack, String condition) {
        return registry.get(StackMetrics.CONDITION).tag("stack", stack).tag("condition", condition).gauge().value();
    }

    private static double errors(SimpleMeterRegistry registry, String stack) {
        return registry.get(StackMetrics.RECONCILE_ERRORS).tag("stack", stack).counter().count();
    }

    private static Condition condition(String type, String status) {
        return new ConditionBuilder().withType(type).withStatus(status).build();
    }
}
