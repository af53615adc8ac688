package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile pre-condition of the migration Job: PostgreSQL takes connections (managed and ready, or external) and
 * holds what spec.postgres.restoreFrom asks to restore, so the first migration starts from the restored schema.
 */
public class DatabaseReadyCondition implements Condition<Job, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<Job, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return StackWorkloads.databaseReady(stack, context) && StackWorkloads.restored(stack, context);
    }
}
