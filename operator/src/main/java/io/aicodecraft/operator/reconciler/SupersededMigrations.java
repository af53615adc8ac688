package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.dependent.StackWorkloads;
import io.aicodecraft.operator.model.StackComponent;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * Once the current image's migration Job has succeeded, the Jobs of earlier images are history: they
 * are deleted (with their pods). The current Job stays, so its log can be read; a failed Job of the
 * current image stays too, until the image changes or a person deletes it to run it again.
 */
final class SupersededMigrations {

    private SupersededMigrations() {
    }

    static void delete(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        if (!StackWorkloads.migrationSucceeded(stack, context)) {
            return;
        }
        String current = StackNames.migrationJob(stack);
        // not the backups' or the restore's Jobs
        StackWorkloads.jobs(stack, context, StackComponent.MIGRATION)
                .filter(job -> !current.equals(job.getMetadata().getName()))
                .forEach(job -> context.getClient().resource(job)
                        .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                        .delete());
    }
}
