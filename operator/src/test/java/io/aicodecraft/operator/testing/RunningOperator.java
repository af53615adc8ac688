package io.aicodecraft.operator.testing;

import io.aicodecraft.operator.probe.ServiceAddressResolver;
import io.aicodecraft.operator.reconciler.StackOperator;
import io.aicodecraft.operator.reconciler.StackOperatorOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;

/**
 * The stack operator started by hand (JOSDK's LocallyRunOperatorExtension creates its namespace by
 * server-side apply, which the mock cannot serve). Production options but a probe that reaches
 * wherever the test's resolver points and a one-second probe interval; on the mock, also server-side
 * apply off, the one switch that exists for it.
 */
public final class RunningOperator implements AutoCloseable {

    private final Operator operator;

    private RunningOperator(Operator operator) {
        this.operator = operator;
    }

    public static RunningOperator start(MockCluster cluster, ServiceAddressResolver addresses,
                                        ReconcileCounter reconciles) {
        return start(cluster.client(), testOptions(addresses, reconciles).withServerSideApply(false));
    }

    /** On a real API server: exactly the production options but the probe's target and interval. */
    public static RunningOperator start(KubernetesClient client, ServiceAddressResolver addresses,
                                        ReconcileCounter reconciles) {
        return start(client, testOptions(addresses, reconciles));
    }

    private static StackOperatorOptions testOptions(ServiceAddressResolver addresses, ReconcileCounter reconciles) {
        return StackOperatorOptions.defaults()
                .withAddressResolver(addresses)
                .withProbeInterval(Duration.ofSeconds(1))
                .withProbeTimeout(Duration.ofSeconds(1))
                .withMetrics(reconciles);
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
