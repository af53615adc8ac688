package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.PoolPlan;
import io.aicodecraft.operator.model.PostgresExporter;
import io.aicodecraft.operator.model.PostgresStatefulSet;
import io.aicodecraft.operator.model.ServerCertificate;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The managed PostgreSQL: one StatefulSet with its volume claim, max_connections from the pool plan, and its exporter
 * while monitoring is on and PodMonitors are installed.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.DATABASE))
public class PostgresStatefulSetDependent extends DeletableDependent<StatefulSet> {

    public PostgresStatefulSetDependent() {
        super(StatefulSet.class, StackNames::postgres);
    }

    @Override
    protected StatefulSet desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        var plan = PoolPlan.of(stack.getSpec());
        if (!plan.fits()) {
            // a refused plan changes nothing the running pools depend on: max_connections never drops below
            // what PostgreSQL runs with while the API stays at its previous size
            int running = context.getSecondaryResource(StatefulSet.class)
                    .flatMap(PostgresStatefulSet::maxConnections).orElse(0);
            plan = plan.withPostgresMaxConnections(Math.max(running, plan.postgresMaxConnections()));
        }
        return PostgresStatefulSet.build(stack, plan,
                StackSecrets.postgresCertificate(stack, context).map(ServerCertificate::certificate),
                PostgresExporter.applies(stack) && CrdInstalledCondition.installed(PodMonitor.class, stack, context));
    }
}
