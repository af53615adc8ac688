package io.aicodecraft.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;

/** Builds the JOSDK operator that reconciles {@code AICodeCraftStack} resources. */
public final class StackOperator {

    private StackOperator() {
    }

    /** An operator with the stack reconciler registered; the caller starts and stops it. */
    public static Operator create(KubernetesClient client, StackOperatorOptions options) {
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
