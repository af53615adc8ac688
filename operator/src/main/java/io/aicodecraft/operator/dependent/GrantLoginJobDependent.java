package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.GrantLoginJob;
import io.aicodecraft.operator.model.PostgresLogins;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The Job that sets the password of the login role to grant (the first one, or a rotation's) in the database. Like
 * the migration a Creator only: one Job per password, never changed, and left alone when its gate closes.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.LOGIN))
public class GrantLoginJobDependent extends StackOwnedDependent<Job> implements Creator<Job, AICodeCraftStack> {

    public GrantLoginJobDependent() {
        super(Job.class);
    }

    @Override
    protected Job desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return GrantLoginJob.build(stack, logins(stack, context));
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(GrantLoginJob.name(stack, logins(stack, context)), stack.getMetadata().getNamespace());
    }

    /** The gate (GrantLoginCondition) saw the login Secret; one gone since is made again by the next reconcile. */
    private static PostgresLogins logins(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackSecrets.postgresLogins(stack, context)
                .orElseThrow(() -> new IllegalStateException("the stack's login Secret is missing"));
    }
}
