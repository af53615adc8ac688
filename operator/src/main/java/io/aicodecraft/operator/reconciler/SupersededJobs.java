package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.dependent.StackSecrets;
import io.aicodecraft.operator.dependent.StackWorkloads;
import io.aicodecraft.operator.model.GrantLoginJob;
import io.aicodecraft.operator.model.OwnerPasswordJob;
import io.aicodecraft.operator.model.RedisPasswordJob;
import io.aicodecraft.operator.model.StackComponent;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * Jobs that are history once their successor is done are deleted (with their pods): the migrations of earlier images
 * once the current image's succeeded, and the Jobs of earlier passwords (PostgreSQL grants and owner passwords, Redis
 * additions) once the latest is in use. The current
 * Job stays, so its log can be read; a failed one stays too, until it is superseded or a person deletes it to run it
 * again.
 */
final class SupersededJobs {

    private SupersededJobs() {
    }

    static void delete(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        if (StackWorkloads.migrationSucceeded(stack, context)) {
            deleteAllBut(stack, context, StackComponent.MIGRATION, StackNames.migrationJob(stack));
        }
        StackSecrets.postgresLogins(stack, context).filter(logins -> logins.rotatingTo().isEmpty())
                .ifPresent(logins -> deleteAllBut(stack, context, StackComponent.LOGIN, GrantLoginJob.name(stack, logins)));
        // the Job of a password now in use stays, for its log, until the next rotation
        StackSecrets.ownerPassword(stack, context).filter(owner -> owner.next().isEmpty())
                .ifPresent(owner -> deleteAllBut(stack, context, StackComponent.OWNER_PASSWORD,
                        OwnerPasswordJob.name(stack, owner)));
        StackSecrets.redisPasswords(stack, context).filter(passwords -> passwords.next().isEmpty())
                .ifPresent(passwords -> deleteAllBut(stack, context, StackComponent.CACHE_PASSWORD,
                        RedisPasswordJob.name(stack, passwords)));
    }

    /** Not the Jobs of another component: the informers of all Jobs share one kind. */
    private static void deleteAllBut(AICodeCraftStack stack, Context<AICodeCraftStack> context, StackComponent component,
                                     String current) {
        StackWorkloads.jobs(stack, context, component)
                .filter(job -> !current.equals(job.getMetadata().getName()))
                .forEach(job -> context.getClient().resource(job)
                        .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                        .delete());
    }
}
