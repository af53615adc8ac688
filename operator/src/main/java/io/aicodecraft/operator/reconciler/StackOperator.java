package io.aicodecraft.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.dependent.workflow.CRDPresentActivationCondition;

/** Builds the JOSDK operator that reconciles {@code AICodeCraftStack} resources. */
public final class StackOperator {

    private StackOperator() {
    }

    /** An operator with the stack reconciler registered; the caller starts and stops it. */
    public static Operator create(KubernetesClient client, StackOperatorOptions options) {
        // JOSDK keeps which other projects' CRDs it found in a static: an operator looks at its own cluster afresh
        // (one per process in production; the tests start many, on different API servers)
        CRDPresentActivationCondition.clearState();
        var operator = new Operator(overrider -> {
            overrider.withKubernetesClient(client)
                    .withMetrics(options.metrics())
                    // the one difference between production and the mock API server of the tests
                    .withSSABasedCreateUpdateMatchForDependentResources(options.serverSideApply())
                    .withUseSSAToPatchPrimaryResource(options.serverSideApply())
                    // the caller made the client and closes it
                    .withCloseClientOnStop(false);
            if (options.leaderElection() != null) {
                overrider.withLeaderElectionConfiguration(options.leaderElection());
            }
        });
        operator.register(new AICodeCraftStackReconciler(options), configuration -> {
            configuration.withReconciliationMaxInterval(options.resyncInterval());
            if (options.namespaces().isEmpty()) {
                configuration.watchingAllNamespaces();
            } else {
                configuration.settingNamespaces(options.namespaces());
            }
        });
        return operator;
    }
}
