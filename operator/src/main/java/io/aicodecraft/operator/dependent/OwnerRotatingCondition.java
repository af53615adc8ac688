package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.OwnerPasswordJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile pre-condition of the owner's password Job: a managed PostgreSQL (ready, as the Job depends on its
 * StatefulSet) whose Secret has a new password to set.
 */
public class OwnerRotatingCondition implements Condition<Job, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<Job, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return OwnerPasswordJob.applies(stack)
                && StackSecrets.ownerPassword(stack, context).filter(owner -> owner.next().isPresent()).isPresent();
    }
}
