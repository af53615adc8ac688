package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.probe.ServiceAddressResolver;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the stack operator runs.
 *
 * @param serverSideApply JOSDK's server-side apply for dependents and the primary's status; true in
 *     production, false only where the API server cannot serve apply patches (the fabric8 mock)
 * @param namespaces the namespaces watched; empty means all
 * @param probeEnabled whether the operator probes each stack's API itself; without it ApiReady follows
 *     the API Deployment alone
 * @param addressResolver how the active probe turns the API Service into an address
 * @param probeTimeout how long one probe of {@code /health/ready} may take
 * @param probeInterval how often a stack is probed again while it exists
 * @param resyncInterval the longest a stack goes without a reconcile (JOSDK's maximal reconciliation
 *     interval), a safety net: every change of its objects, and of its probe's answer, reconciles it sooner
 * @param metrics JOSDK metrics ({@link Metrics#NOOP} when not wanted)
 * @param leaderElection leader election, or null to run without it
 */
public record StackOperatorOptions(
        boolean serverSideApply,
        Set<String> namespaces,
        boolean probeEnabled,
        ServiceAddressResolver addressResolver,
        Duration probeTimeout,
        Duration probeInterval,
        Duration resyncInterval,
        Metrics metrics,
        MeterRegistry registry,
        LeaderElectionConfiguration leaderElection) {

    public StackOperatorOptions {
        namespaces = Set.copyOf(namespaces);
        Objects.requireNonNull(addressResolver, "addressResolver");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(registry, "registry");
        requirePositive(probeTimeout, "probeTimeout");
        requirePositive(probeInterval, "probeInterval");
        requirePositive(resyncInterval, "resyncInterval");
    }

    /**
     * Production defaults: server-side apply, all namespaces, the probe on cluster DNS, 2 s timeout, 30 s
     * interval, JOSDK's own resync interval.
     */
    public static StackOperatorOptions defaults() {
        return new StackOperatorOptions(true, Set.of(), true, ServiceAddressResolver.clusterDns(),
                Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofHours(MaxReconciliationInterval.DEFAULT_INTERVAL),
                Metrics.NOOP, new SimpleMeterRegistry(), null);
    }

    public StackOperatorOptions withServerSideApply(boolean serverSideApply) {
        return new StackOperatorOptions(serverSideApply, namespaces, probeEnabled, addressResolver, probeTimeout,
                probeInterval, resyncInterval, metrics, registry, leaderElection);
    }

    public StackOperatorOptions withNamespaces(Set<String> namespaces) {
        return new StackOperatorOptions(serverSideApply, namespaces, probeEnabled, addressResolver, probeTimeout,
                probeInterval, resyncInterval, metrics, registry, leaderElection);
    }

    public StackOperatorOptions withProbeEnabled(boolean probeEnabled) {
        return new StackOperatorOptions(serverSideApply, namespaces, probeEnabled, addressResolver, probeTimeout,
                probeInterval, resyncInterval, metrics, registry, leaderElection);
    }

    public StackOperatorOptions withAddressResolver(ServiceAddressResolver addressResolver) {
        return new StackOperatorOptions(serverSideApply, namespaces, probeEnabled, addressResolver, probeTimeout,
                probeInterval, resyncInterval, metrics, registry, leaderElection);
    }

    public StackOperatorOptions withProbeTimeout(Duration probeTimeout) {
        return new StackOperatorOptions(serverSideApply, namespaces, probeEnabled, addressResolver, probeTimeout,
                probeInterval, resyncInterval, metrics, registry, leaderElection);
    }

    public StackOperatorOptions withProbeInterval(Duration probeInterval) {
        return new StackOperatorOptions(serverSideApply, namespaces, probeEnabled, addressResolver, probeTimeout,
                probeInterval, resyncInterval, metrics, registry, leaderElection);
    }

    public StackOperatorOptions withResyncInterval(Duration resyncInterval) {
        return new StackOperatorOptions(serverSideApply, namespaces, probeEnabled, addressResolver, probeTimeout,
                probeInterval, resyncInterval, metrics, registry, leaderElection);
    }

    public StackOperatorOptions withMetrics(Metrics metrics) {
        return new StackOperatorOptions(serverSideApply, namespaces, probeEnabled, addressResolver, probeTimeout,
                probeInterval, resyncInterval, metrics, registry, leaderElection);
    }

    /** Where the operator's own meters (StackMetrics) are registered: the registry {@code /metrics} serves. */
    public StackOperatorOptions withRegistry(MeterRegistry registry) {
        return new StackOperatorOptions(serverSideApply, namespaces, probeEnabled, addressResolver, probeTimeout,
                probeInterval, resyncInterval, metrics, registry, leaderElection);
    }

    public StackOperatorOptions withLeaderElection(LeaderElectionConfiguration leaderElection) {
        return new StackOperatorOptions(serverSideApply, namespaces, probeEnabled, addressResolver, probeTimeout,
                probeInterval, resyncInterval, metrics, registry, leaderElection);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
        }
    }
}
