package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.GrantLoginJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile pre-condition of the grant Job: a managed PostgreSQL whose current image's migrations succeeded (so the
 * grants cover every table), and the login Secret to read the role from.
 */
public class GrantLoginCondition implements Condition<Job, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<Job, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return GrantLoginJob.applies(stack) && StackWorkloads.migrationSucceeded(stack, context)
                && StackSecrets.postgresLogins(stack, context).isPresent();
    }
}
