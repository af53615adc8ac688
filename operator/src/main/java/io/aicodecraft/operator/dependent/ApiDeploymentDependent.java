package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.AdminKeys;
import io.aicodecraft.operator.model.ApiConfigMap;
import io.aicodecraft.operator.model.ApiDeployment;
import io.aicodecraft.operator.model.ApiRollout;
import io.aicodecraft.operator.model.ConfigHash;
import io.aicodecraft.operator.model.PoolPlan;
import io.aicodecraft.operator.model.PostgresLogins;
import io.aicodecraft.operator.model.RedisPasswords;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import java.time.Instant;

/**
 * The API. Created or updated only behind its gate (the current image's migration succeeded, Redis
 * ready, the pool plan fits); while the gate is closed the running Deployment is left exactly as it
 * is (not a Deleter), so the previous image keeps serving. The pod template carries the hash of the
 * rendered configuration and of each credential it takes at start ({@link ApiRollout}), so a change of any rolls the pods.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.API))
public class ApiDeploymentDependent extends StackOwnedDependent<Deployment>
        implements Creator<Deployment, AICodeCraftStack>, Updater<Deployment, AICodeCraftStack> {

    public ApiDeploymentDependent() {
        super(Deployment.class);
    }

    @Override
    protected Deployment desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        PoolPlan plan = PoolPlan.of(stack.getSpec());
        return ApiDeployment.build(stack, plan, new ApiRollout(ConfigHash.of(ApiConfigMap.build(stack, plan)),
                StackSecrets.trustedCa(stack, context),
                StackSecrets.postgresLogins(stack, context).flatMap(PostgresLogins::active),
                StackSecrets.adminKeys(stack, context).map(AdminKeys::rotation).filter(token -> !token.isEmpty()),
                StackSecrets.redisPasswords(stack, context).flatMap(RedisPasswords::rotatedAt).map(Instant::toString)));
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(StackNames.api(stack), stack.getMetadata().getNamespace());
    }
}
