package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.PoolPlan;
import io.aicodecraft.operator.model.RedisDeployment;
import io.aicodecraft.operator.model.ServerCertificate;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed Redis: password from its Secret, memory bound, maxclients from the pool plan, TLS from its certificate Secret. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.CACHE))
public class RedisDeploymentDependent extends DeletableDependent<Deployment> {

    public RedisDeploymentDependent() {
        super(Deployment.class, StackNames::redis);
    }

    @Override
    protected Deployment desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return RedisDeployment.build(stack, PoolPlan.of(stack.getSpec()),
                StackSecrets.redisCertificate(stack, context).map(ServerCertificate::certificate));
    }
}
