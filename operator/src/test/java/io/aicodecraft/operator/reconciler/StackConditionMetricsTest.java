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

class StackConditionMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void eachConditionIsOneWhileTrueAndZeroWhileFalse() {
        var registry = new SimpleMeterRegistry();
        var metrics = new StackConditionMetrics(registry);
        var stack = TestStacks.minimal("tenant-a", "team-a");

        metrics.record(stack, List.of(condition("Ready", "False"), condition("PostgresReady", "True")));
        assertThat(value(registry, "team-a", "Ready")).isZero();
        assertThat(value(registry, "team-a", "PostgresReady")).isOne();

        metrics.record(stack, List.of(condition("Ready", "True")));
        assertThat(value(registry, "team-a", "Ready")).isOne();
        assertThat(registry.find(StackConditionMetrics.NAME).gauges()).hasSize(2);
    }

    @Test
    void theSeriesOfAStackThatIsGoneAreRemovedAtMostOnceAMinute() {
        var registry = new SimpleMeterRegistry();
        var metrics = new StackConditionMetrics(registry);
        var kept = TestStacks.minimal("tenant-a", "team-a");
        var deleted = TestStacks.minimal("tenant-a", "team-b");
        metrics.record(kept, List.of(condition("Ready", "True")));
        metrics.record(deleted, List.of(condition("Ready", "True")));
        metrics.prune(id -> true, NOW);

        metrics.prune(id -> id.equals(ResourceID.fromResource(kept)), NOW.plusSeconds(30));
        assertThat(registry.find(StackConditionMetrics.NAME).gauges()).as("not a minute since the last").hasSize(2);

        metrics.prune(id -> id.equals(ResourceID.fromResource(kept)), NOW.plusSeconds(61));
        assertThat(registry.find(StackConditionMetrics.NAME).gauges()).singleElement()
                .satisfies(gauge -> assertThat(gauge.getId().getTag("stack")).isEqualTo("team-a"));
    }

    private static double value(SimpleMeterRegistry registry, String stack, String condition) {
        return registry.get(StackConditionMetrics.NAME).tag("stack", stack).tag("condition", condition).gauge().value();
    }

    private static Condition condition(String type, String status) {
        return new ConditionBuilder().withType(type).withStatus(status).build();
    }
}
