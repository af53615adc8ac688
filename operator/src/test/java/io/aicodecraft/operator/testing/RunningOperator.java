package io.aicodecraft.operator.testing;

import io.aicodecraft.operator.probe.AddressTemplate;
import io.aicodecraft.operator.probe.ServiceAddressResolver;
import io.aicodecraft.operator.reconciler.StackOperator;
import io.aicodecraft.operator.reconciler.StackOperatorOptions;
import io.aicodecraft.operator.runtime.OperatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The stack operator started by hand (JOSDK's LocallyRunOperatorExtension creates its namespace by
 * server-side apply, which the mock cannot serve). Production options but a probe that reaches
 * wherever the test's resolver points, one-second probe and resync intervals; on the mock, also
 * server-side apply off, the one switch that exists for it.
 */
public final class RunningOperator implements AutoCloseable {

    /** How often the test operator probes a stack's API. */
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    /** How often the test operator reconciles a stack that nothing changed, so a test can wait for "another reconcile". */
    public static final Duration RESYNC_INTERVAL = Duration.ofSeconds(1);

    /** Where there is no pod network (the API-server tier): a closed port, so the probe reports the API not ready. */
    public static final ServiceAddressResolver NO_POD_NETWORK = new AddressTemplate("http://127.0.0.1:1");

    private final Operator operator;

    private RunningOperator(Operator operator) {
        this.operator = operator;
    }

    public static RunningOperator start(MockCluster cluster, ServiceAddressResolver addresses,
                                        ReconcileCounter reconciles) {
        return start(cluster, addresses, reconciles, UnaryOperator.identity());
    }

    /** On the mock, with {@code change} applied to the test options (a setting under test). */
    public static RunningOperator start(MockCluster cluster, ServiceAddressResolver addresses,
                                        ReconcileCounter reconciles, UnaryOperator<StackOperatorOptions> change) {
        return start(cluster.client(), change.apply(testOptions(addresses, reconciles).withServerSideApply(false)));
    }

    /** On a real API server: exactly the production options but the probe's target and interval. */
    public static RunningOperator start(KubernetesClient client, ServiceAddressResolver addresses,
                                        ReconcileCounter reconciles) {
        return start(client, addresses, reconciles, UnaryOperator.identity());
    }

    /** On a real API server, with {@code change} applied to the test options (a setting under test). */
    public static RunningOperator start(KubernetesClient client, ServiceAddressResolver addresses,
                                        ReconcileCounter reconciles, UnaryOperator<StackOperatorOptions> change) {
        return start(client, change.apply(testOptions(addresses, reconciles)));
    }

    /**
     * As the chart configures it ({@code settings} read from the chart's environment for the operator: leader
     * election, watched namespaces), but the probe's target and interval.
     */
    public static RunningOperator start(KubernetesClient client, ServiceAddressResolver addresses,
                                        ReconcileCounter reconciles, OperatorSettings settings) {
        return start(client, withTestProbe(settings.applyTo(StackOperatorOptions.defaults(), reconciles, () -> { }),
                addresses));
    }

    private static StackOperatorOptions testOptions(ServiceAddressResolver addresses, ReconcileCounter reconciles) {
        return withTestProbe(StackOperatorOptions.defaults().withMetrics(reconciles), addresses);
    }

    private static StackOperatorOptions withTestProbe(StackOperatorOptions options, ServiceAddressResolver addresses) {
        return options.withAddressResolver(addresses)
                .withProbeInterval(PROBE_INTERVAL)
                .withResyncInterval(RESYNC_INTERVAL)
                .withProbeTimeout(Duration.ofSeconds(1));
    }

    private static RunningOperator start(KubernetesClient client, StackOperatorOptions options) {
        var operator = StackOperator.create(client, options);
        operator.start();
        return new RunningOperator(operator);
    }

    @Override
    public void close() {
        operator.stop();
    }
}
