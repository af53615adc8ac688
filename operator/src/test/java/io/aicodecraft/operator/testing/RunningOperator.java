package io.aicodecraft.operator.testing;

import io.aicodecraft.operator.probe.ServiceAddressResolver;
import io.aicodecraft.operator.reconciler.StackOperator;
import io.aicodecraft.operator.reconciler.StackOperatorOptions;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;

/**
 * The stack operator running against the mock cluster, started by hand (JOSDK's
 * LocallyRunOperatorExtension creates its namespace by server-side apply, which the mock cannot
 * serve). Production options except the one switch the mock needs, a probe that reaches
 * wherever the test's resolver points, and a one-second probe interval.
 */
public final class RunningOperator implements AutoCloseable {

    private final Operator operator;

    private RunningOperator(Operator operator) {
        this.operator = operator;
    }

    public static RunningOperator start(MockCluster cluster, ServiceAddressResolver addresses,
                                        ReconcileCounter reconciles) {
        var options = StackOperatorOptions.defaults()
                .withServerSideApply(false)
                .withAddressResolver(addresses)
                .withProbeInterval(Duration.ofSeconds(1))
                .withProbeTimeout(Duration.ofSeconds(1))
                .withMetrics(reconciles);
        var operator = StackOperator.create(cluster.client(), options);
        operator.start();
        return new RunningOperator(operator);
    }

    @Override
    public void close() {
        operator.stop();
    }
}
