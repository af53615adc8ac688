package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.RedisPasswordJob;
import io.aicodecraft.operator.model.RedisPasswords;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The Job that adds a rotation's new password to the running Redis: one per password, never changed. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.CACHE_PASSWORD))
public class RedisPasswordJobDependent extends StackOwnedDependent<Job> implements Creator<Job, AICodeCraftStack> {

    public RedisPasswordJobDependent() {
        super(Job.class);
    }

    @Override
    protected Job desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return RedisPasswordJob.build(stack, passwords(stack, context));
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(RedisPasswordJob.name(stack, passwords(stack, context)), stack.getMetadata().getNamespace());
    }

    /** The gate (RedisRotatingCondition) saw a rotation in the Secret. */
    private static RedisPasswords passwords(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackSecrets.redisPasswords(stack, context)
                .orElseThrow(() -> new IllegalStateException("the stack's Redis Secret is missing"));
    }
}
