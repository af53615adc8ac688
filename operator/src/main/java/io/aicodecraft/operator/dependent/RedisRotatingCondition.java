package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.RedisDeployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition of the Redis password Job: a managed Redis, ready, whose Secret has a password to add. */
public class RedisRotatingCondition implements Condition<Job, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<Job, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return RedisDeployment.applies(stack) && StackWorkloads.redisReady(stack, context)
                && StackSecrets.redisPasswords(stack, context).filter(passwords -> passwords.next().isPresent()).isPresent();
    }
}
