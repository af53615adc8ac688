package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.PoolPlan;
import io.aicodecraft.operator.model.RedisDeployment;
import io.aicodecraft.operator.model.RedisExporter;
import io.aicodecraft.operator.model.ServerCertificate;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The managed Redis: password from its Secret, memory bound, maxclients from the pool plan, TLS from its certificate
 * Secret, and its exporter while monitoring is on and PodMonitors are installed.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.CACHE))
public class RedisDeploymentDependent extends DeletableDependent<Deployment> {

    public RedisDeploymentDependent() {
        super(Deployment.class, StackNames::redis);
    }

    @Override
    protected Deployment desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        // the exporter's password is in the Secret the pod reads (a Secret of an earlier release gets it first)
        boolean exporter = RedisExporter.applies(stack) && CrdInstalledCondition.installed(PodMonitor.class, stack, context)
                && StackSecrets.redisExporterPassword(stack, context).isPresent();
        return RedisDeployment.build(stack, PoolPlan.of(stack.getSpec()),
                StackSecrets.redisCertificate(stack, context).map(ServerCertificate::certificate), exporter);
    }
}
