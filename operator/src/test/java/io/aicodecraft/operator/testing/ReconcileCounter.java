package io.aicodecraft.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** JOSDK metrics that count finished reconciles, per resource and in total. */
public final class ReconcileCounter implements Metrics {

    private final Map<String, AtomicLong> perResource = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    @Override
    public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
        total.incrementAndGet();
        perResource.computeIfAbsent(key(resource.getMetadata().getNamespace(), resource.getMetadata().getName()),
                k -> new AtomicLong()).incrementAndGet();
    }

    public long finished(String namespace, String name) {
        var count = perResource.get(key(namespace, name));
        return count == null ? 0 : count.get();
    }

    public long total() {
        return total.get();
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
