package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The operator's meters per stack, for the stacks' alerts to watch what only the operator knows:
 * <ul>
 * <li>{@code aicodecraft_stack_condition{stack_namespace, stack, condition}}: 1 while the condition is True, 0 while
 * False, as its status last said (about ten series per stack: Ready, MigrationsComplete, BackupsHealthy...);</li>
 * <li>{@code aicodecraft_stack_reconcile_errors_total{stack_namespace, stack}}: reconciles that ended in an error.
 * JOSDK's own meters run without per-resource tags, so they cannot say which stack fails. The counter exists from
 * the stack's first reconcile on, so the first error is an increase from 0.</li>
 * </ul>
 * The labels are not {@code namespace}, which Prometheus gives the operator's own target.
 */
final class StackMetrics {

    static final String CONDITION = "aicodecraft.stack.condition";
    static final String RECONCILE_ERRORS = "aicodecraft.stack.reconcile.errors";
    /** How often series of stacks that are gone are looked for: a deleted stack is never reconciled again. */
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

    private record Series(ResourceID stack, String condition) {
    }

    private final MeterRegistry registry;
    private final Map<Series, AtomicInteger> conditions = new ConcurrentHashMap<>();
    private final Map<ResourceID, Counter> errors = new ConcurrentHashMap<>();
    private volatile Instant pruned = Instant.EPOCH;

    StackMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void recordConditions(AICodeCraftStack stack, List<Condition> statusConditions) {
        ResourceID id = ResourceID.fromResource(stack);
        errors.computeIfAbsent(id, this::registerErrors);
        for (Condition condition : statusConditions) {
            conditions.computeIfAbsent(new Series(id, condition.getType()), this::registerCondition)
                    .set("True".equals(condition.getStatus()) ? 1 : 0);
        }
    }

    void countError(AICodeCraftStack stack) {
        errors.computeIfAbsent(ResourceID.fromResource(stack), this::registerErrors).increment();
    }

    /** Removes the series of stacks {@code exists} no longer knows, at most once a {@link #PRUNE_INTERVAL}. */
    void prune(Predicate<ResourceID> exists, Instant now) {
        if (now.isBefore(pruned.plus(PRUNE_INTERVAL))) {
            return;
        }
        pruned = now;
        // every stack recorded has its error counter, so those name every stack there are series of
        Set<ResourceID> gone = errors.keySet().stream().filter(exists.negate()).collect(Collectors.toSet());
        conditions.keySet().removeIf(series -> gone.contains(series.stack()));
        for (ResourceID stack : gone) {
            errors.remove(stack);
            Stream.of(CONDITION, RECONCILE_ERRORS)
                    .forEach(name -> registry.find(name).tags(tags(stack)).meters().forEach(registry::remove));
        }
    }

    private AtomicInteger registerCondition(Series series) {
        AtomicInteger value = new AtomicInteger();
        Gauge.builder(CONDITION, value, AtomicInteger::get)
                .tags(tags(series.stack())).tag("condition", series.condition())
                .description("1 while the stack's condition is True, 0 while it is False").register(registry);
        return value;
    }

    private Counter registerErrors(ResourceID stack) {
        return Counter.builder(RECONCILE_ERRORS).tags(tags(stack))
                .description("Reconciles of the stack that ended in an error").register(registry);
    }

    private static String[] tags(ResourceID stack) {
        return new String[] {"stack_namespace", stack.getNamespace().orElse(""), "stack", stack.getName()};
    }
}
