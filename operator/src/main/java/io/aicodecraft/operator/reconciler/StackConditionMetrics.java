package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Each stack's conditions as a gauge, {@code aicodecraft_stack_condition{stack_namespace, stack, condition}}: 1 while
 * the condition is True, 0 while False, as its status last said. One series per stack and condition type (about ten),
 * so the stacks' alerts can watch what only the operator knows (Ready, MigrationsComplete, BackupsHealthy). The labels
 * are not {@code namespace}, which Prometheus gives the operator's own target.
 */
final class StackConditionMetrics {

    static final String NAME = "aicodecraft.stack.condition";
    /** How often series of stacks that are gone are looked for: a deleted stack is never reconciled again. */
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

    private record Series(ResourceID stack, String condition) {
    }

    private final MeterRegistry registry;
    private final Map<Series, AtomicInteger> values = new ConcurrentHashMap<>();
    private volatile Instant pruned = Instant.EPOCH;

    StackConditionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(AICodeCraftStack stack, List<Condition> conditions) {
        ResourceID id = ResourceID.fromResource(stack);
        for (Condition condition : conditions) {
            values.computeIfAbsent(new Series(id, condition.getType()), this::register)
                    .set("True".equals(condition.getStatus()) ? 1 : 0);
        }
    }

    /** Removes the series of stacks {@code exists} no longer knows, at most once a {@link #PRUNE_INTERVAL}. */
    void prune(Predicate<ResourceID> exists, Instant now) {
        if (now.isBefore(pruned.plus(PRUNE_INTERVAL))) {
            return;
        }
        pruned = now;
        values.keySet().removeIf(series -> {
            if (exists.test(series.stack())) {
                return false;
            }
            registry.find(NAME).tags(tags(series)).gauges().forEach(registry::remove);
            return true;
        });
    }

    private AtomicInteger register(Series series) {
        AtomicInteger value = new AtomicInteger();
        Gauge.builder(NAME, value, AtomicInteger::get).tags(tags(series))
                .description("1 while the stack's condition is True, 0 while it is False").register(registry);
        return value;
    }

    private static String[] tags(Series series) {
        return new String[] {"stack_namespace", series.stack().getNamespace().orElse(""),
                "stack", series.stack().getName(), "condition", series.condition()};
    }
}
