package io.aicodecraft.operator.runtime;

import io.aicodecraft.operator.probe.AddressTemplate;
import io.aicodecraft.operator.reconciler.StackOperatorOptions;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How {@code run} is configured, read from the environment the chart's Deployment sets.
 *
 * @param watchNamespaces the namespaces watched; empty means all
 * @param leaderElection whether replicas elect a leader on a Lease before reconciling
 * @param leaseName the Lease's name
 * @param leaseNamespace the Lease's namespace, or null to use the client's (in a pod: its own)
 * @param identity this replica's name in the Lease, or null to let JOSDK pick one
 * @param httpPort the port of {@code /healthz}, {@code /readyz} and {@code /metrics}
 * @param probeEnabled whether the operator probes each stack's API itself
 * @param probeAddress where the probe calls a stack's API, or null for cluster DNS; for an operator run
 *     outside the cluster
 * @param probeTimeout how long one probe of a stack's API may take
 * @param probeInterval how often a stack's API is probed
 */
public record OperatorSettings(
        Set<String> watchNamespaces,
        boolean leaderElection,
        String leaseName,
        String leaseNamespace,
        String identity,
        int httpPort,
        boolean probeEnabled,
        AddressTemplate probeAddress,
        Duration probeTimeout,
        Duration probeInterval) {

    public static final String WATCH_NAMESPACES = "WATCH_NAMESPACES";
    public static final String LEADER_ELECTION_ENABLED = "LEADER_ELECTION_ENABLED";
    public static final String LEADER_ELECTION_LEASE_NAME = "LEADER_ELECTION_LEASE_NAME";
    public static final String LEADER_ELECTION_LEASE_NAMESPACE = "LEADER_ELECTION_LEASE_NAMESPACE";
    public static final String POD_NAMESPACE = "POD_NAMESPACE";
    public static final String POD_NAME = "POD_NAME";
    public static final String HTTP_PORT = "HTTP_PORT";
    public static final String PROBE_ENABLED = "PROBE_ENABLED";
    public static final String PROBE_ADDRESS = "PROBE_ADDRESS";
    public static final String PROBE_TIMEOUT = "PROBE_TIMEOUT";
    public static final String PROBE_INTERVAL = "PROBE_INTERVAL";

    static final String DEFAULT_LEASE_NAME = "aicodecraft-operator-leader";
    static final int DEFAULT_HTTP_PORT = 8080;

    /** The one duration form of the operator, the API's settings and the CRD ({@code SpecFormats.DURATION}). */
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    // An RFC 1123 label: what Kubernetes accepts as a namespace name.
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public OperatorSettings {
        watchNamespaces = Set.copyOf(watchNamespaces);
    }

    /** Reads the settings; a malformed value is an {@link IllegalArgumentException} naming the variable. */
    public static OperatorSettings fromEnvironment(Map<String, String> env) {
        var defaults = StackOperatorOptions.defaults();
        return new OperatorSettings(
                namespaces(env.getOrDefault(WATCH_NAMESPACES, "")),
                bool(env, LEADER_ELECTION_ENABLED, true),
                text(env, LEADER_ELECTION_LEASE_NAME, DEFAULT_LEASE_NAME),
                text(env, LEADER_ELECTION_LEASE_NAMESPACE, text(env, POD_NAMESPACE, null)),
                text(env, POD_NAME, null),
                port(env),
                bool(env, PROBE_ENABLED, defaults.probeEnabled()),
                address(env),
                duration(env, PROBE_TIMEOUT, defaults.probeTimeout()),
                duration(env, PROBE_INTERVAL, defaults.probeInterval()));
    }

    /**
     * JOSDK's leader election on the Lease, or null when leader election is off. JOSDK's own exit on
     * losing the Lease is replaced by {@code onLostLeadership}: it would also fire when the operator is
     * stopped on purpose (SIGTERM), where exiting again from inside the shutdown would hang it.
     */
    public LeaderElectionConfiguration leaderElectionConfiguration(Runnable onLostLeadership) {
        if (!leaderElection) {
            return null;
        }
        var builder = LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(leaseName)
                .withExitOnStopLeading(false)
                .withLeaderCallbacks(new LeaderCallbacks(() -> { }, onLostLeadership, leader -> { }));
        if (leaseNamespace != null) {
            builder.withLeaseNamespace(leaseNamespace);
        }
        if (identity != null) {
            builder.withIdentity(identity);
        }
        return builder.build();
    }

    /** {@code base} with these settings, {@code metrics} and what to do on losing the Lease applied. */
    public StackOperatorOptions applyTo(StackOperatorOptions base, Metrics metrics, Runnable onLostLeadership) {
        var options = base.withNamespaces(watchNamespaces)
                .withProbeEnabled(probeEnabled)
                .withProbeTimeout(probeTimeout)
                .withProbeInterval(probeInterval)
                .withMetrics(metrics)
                .withLeaderElection(leaderElectionConfiguration(onLostLeadership));
        return probeAddress == null ? options : options.withAddressResolver(probeAddress);
    }

    private static Set<String> namespaces(String value) {
        Set<String> names = Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String name : names) {
            if (!NAMESPACE.matcher(name).matches()) {
                throw new IllegalArgumentException(WATCH_NAMESPACES + ": '" + name
                        + "' is not a namespace name (lower-case letters, digits and '-', at most 63)");
            }
        }
        return names;
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        String value = text(env, name, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + ": expected true or false, was '" + value + "'");
        };
    }

    private static int port(Map<String, String> env) {
        String value = text(env, HTTP_PORT, null);
        if (value == null) {
            return DEFAULT_HTTP_PORT;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException(HTTP_PORT + ": expected a port from 1 to 65535, was '" + value + "'");
    }

    private static AddressTemplate address(Map<String, String> env) {
        String value = text(env, PROBE_ADDRESS, null);
        try {
            return value == null ? null : new AddressTemplate(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROBE_ADDRESS + ": " + e.getMessage(), e);
        }
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String value = text(env, name, null);
        if (value == null) {
            return fallback;
        }
        var matcher = DURATION.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            Duration duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            if (!duration.isZero()) {
                return duration;
            }
        }
        throw new IllegalArgumentException(name + ": expected a positive duration such as 500ms, 5s, 30m, 1h or 2d,"
                + " was '" + value + "'");
    }

    private static String text(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
