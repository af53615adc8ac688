package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.RedisPasswordJob;
import io.aicodecraft.operator.model.RedisPasswords;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import java.util.Optional;

/** The Job that adds a rotation's new password to the running Redis. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.CACHE_PASSWORD))
public class RedisPasswordJobDependent extends RotationStepJobDependent<RedisPasswords> {

    @Override
    Optional<RedisPasswords> state(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackSecrets.redisPasswords(stack, context);
    }

    @Override
    String name(AICodeCraftStack stack, RedisPasswords state) {
        return RedisPasswordJob.name(stack, state);
    }

    @Override
    Job build(AICodeCraftStack stack, RedisPasswords state) {
        return RedisPasswordJob.build(stack, state);
    }
}
