package io.aicodecraft.operator.runtime;

import io.aicodecraft.operator.reconciler.StackOperator;
import io.aicodecraft.operator.reconciler.StackOperatorOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running operator of {@code OperatorMain run}: the stack operator with its metrics and leader
 * election, and the HTTP endpoints of its pod. Closing it stops both, once.
 */
public final class OperatorRuntime implements AutoCloseable {

    private final Operator operator;
    private final OperatorEndpoints endpoints;
    private final AtomicBoolean closed;

    private OperatorRuntime(Operator operator, OperatorEndpoints endpoints, AtomicBoolean closed) {
        this.operator = operator;
        this.endpoints = endpoints;
        this.closed = closed;
    }

    /**
     * Starts the operator on {@code client} with {@code settings} applied to {@code base}, and the
     * endpoints on {@code address}. {@code base} is {@link StackOperatorOptions#defaults()} in
     * production. {@code onLostLeadership} runs when this replica loses the Lease while running
     * (production exits, so a fresh replica campaigns again), never when it is being closed.
     */
    public static OperatorRuntime start(KubernetesClient client, OperatorSettings settings,
            StackOperatorOptions base, InetSocketAddress address, Runnable onLostLeadership) throws IOException {
        var closed = new AtomicBoolean();
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        // Per controller, not per stack: one series per tenant would grow without bound.
        var metrics = MicrometerMetrics.withoutPerResourceMetrics(registry);
        Runnable lostWhileRunning = () -> {
            if (!closed.get()) {
                onLostLeadership.run();
            }
        };
        Operator operator = StackOperator.create(client,
                settings.applyTo(base, metrics, lostWhileRunning).withRegistry(registry));
        var health = new OperatorHealth(operator.getRuntimeInfo());
        OperatorEndpoints endpoints;
        try {
            endpoints = OperatorEndpoints.start(address, health::liveness, health::readiness, registry);
        } catch (IOException e) {
            throw new IOException("cannot serve health and metrics on port " + address.getPort() + " (set by "
                    + OperatorSettings.HTTP_PORT + "): " + e.getMessage(), e);
        }
        try {
            operator.start();
        } catch (RuntimeException e) {
            endpoints.close();
            throw e;
        }
        return new OperatorRuntime(operator, endpoints, closed);
    }

    public Operator operator() {
        return operator;
    }

    /** The port the endpoints listen on. */
    public int port() {
        return endpoints.port();
    }

    /** Stops the operator, then the endpoints; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                operator.stop();
            } finally {
                endpoints.close();
            }
        }
    }
}
