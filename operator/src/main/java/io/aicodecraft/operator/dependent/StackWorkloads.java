package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.ApiRollout;
import io.aicodecraft.operator.model.GrantLoginJob;
import io.aicodecraft.operator.model.OwnerPasswordJob;
import io.aicodecraft.operator.model.PostgresLogins;
import io.aicodecraft.operator.model.PostgresOwnerPassword;
import io.aicodecraft.operator.model.RedisPasswordJob;
import io.aicodecraft.operator.model.RedisPasswords;
import io.aicodecraft.operator.model.RestoreJob;
import io.aicodecraft.operator.model.StackComponent;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stack's workloads as the informers last saw them, looked up by name: several dependents share
 * a kind (two Deployments, three Services), so a kind alone does not say which object is meant.
 */
public final class StackWorkloads {

    /** The condition type of a restore, as the status carries it. */
    public static final String RESTORED = "Restored";

    private StackWorkloads() {
    }

    public static Optional<StatefulSet> postgres(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, StatefulSet.class, StackNames.postgres(stack));
    }

    public static Optional<Deployment> redis(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, Deployment.class, StackNames.redis(stack));
    }

    public static Optional<Job> currentMigration(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, Job.class, StackNames.migrationJob(stack));
    }

    public static Optional<Deployment> api(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, Deployment.class, StackNames.api(stack));
    }

    public static Optional<Service> apiService(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, Service.class, StackNames.api(stack));
    }

    /** True when PostgreSQL can take connections: the managed StatefulSet is ready, or it is external. */
    public static boolean databaseReady(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return stack.getSpec().getPostgres().getManaged() == null
                || postgres(stack, context).map(WorkloadReadiness::ready).orElse(false);
    }

    /** True when Redis can take connections: the managed Deployment is available, or it is external. */
    public static boolean redisReady(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return stack.getSpec().getRedis().getManaged() == null
                || redis(stack, context).map(WorkloadReadiness::available).orElse(false);
    }

    /** The stack's Jobs of {@code component}: the Job informers of all components share one kind. */
    public static Stream<Job> jobs(AICodeCraftStack stack, Context<AICodeCraftStack> context, StackComponent component) {
        String name = stack.getMetadata().getName();
        return context.getSecondaryResourcesAsStream(Job.class).filter(job -> {
            var labels = job.getMetadata().getLabels();
            return labels != null && component.component().equals(labels.get(StackComponent.COMPONENT_LABEL))
                    && name.equals(labels.get(StackComponent.STACK_LABEL));
        });
    }

    public static Optional<Job> restore(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return named(context, Job.class, StackNames.restoreJob(stack));
    }

    /**
     * True when the migrations may run as far as a restore goes: none is asked for, or its Job succeeded, or the
     * status says it did (a person may delete a finished Job).
     */
    public static boolean restored(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        if (!RestoreJob.applies(stack)) {
            return true;
        }
        boolean said = stack.getStatus() != null && stack.getStatus().getConditions().stream()
                .anyMatch(c -> RESTORED.equals(c.getType()) && "True".equals(c.getStatus()));
        return said || succeeded(restore(stack, context));
    }

    /**
     * True when the API has a database login: the managed PostgreSQL's first login role is granted (PostgresLogins),
     * or the database is external and the tenant's credentials are the login.
     */
    public static boolean loginGranted(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return !GrantLoginJob.applies(stack)
                || StackSecrets.postgresLogins(stack, context).flatMap(PostgresLogins::active).isPresent();
    }

    /** True when the grant Job of {@code logins}' target role and password succeeded. */
    public static boolean grantSucceeded(AICodeCraftStack stack, Context<AICodeCraftStack> context, PostgresLogins logins) {
        return succeeded(named(context, Job.class, GrantLoginJob.name(stack, logins)));
    }

    /** The grant Job of the role the login Secret says to grant, if it exists. */
    public static Optional<Job> currentGrant(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackSecrets.postgresLogins(stack, context)
                .flatMap(logins -> named(context, Job.class, GrantLoginJob.name(stack, logins)));
    }

    /**
     * True when every API pod runs the current template and that template carries {@code annotation} with
     * {@code value} (none when empty): the pods use the credential the annotation stands for.
     */
    public static boolean apiRolledOutWith(AICodeCraftStack stack, Context<AICodeCraftStack> context, String annotation,
                                           Optional<String> value) {
        return api(stack, context).filter(deployment -> apiAnnotation(deployment, annotation).equals(value))
                .map(WorkloadReadiness::rolledOut).orElse(false);
    }

    /** The role the API Deployment's template logs in to the managed PostgreSQL as, if it has one. */
    public static Optional<String> apiLogin(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return api(stack, context).flatMap(deployment -> apiAnnotation(deployment, ApiRollout.LOGIN_ANNOTATION));
    }

    private static Optional<String> apiAnnotation(Deployment deployment, String annotation) {
        return Optional.ofNullable(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .map(annotations -> annotations.get(annotation));
    }

    /** The Job that adds the Redis Secret's new password, if it exists. */
    public static Optional<Job> currentRedisPasswordJob(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackSecrets.redisPasswords(stack, context)
                .flatMap(passwords -> named(context, Job.class, RedisPasswordJob.name(stack, passwords)));
    }

    /** True when the Job that adds {@code passwords}' new password to Redis succeeded. */
    public static boolean redisPasswordAdded(AICodeCraftStack stack, Context<AICodeCraftStack> context,
                                             RedisPasswords passwords) {
        return succeeded(named(context, Job.class, RedisPasswordJob.name(stack, passwords)));
    }

    /** The Job that sets the owner's password the Secret names (the new one while rotating), if it exists. */
    public static Optional<Job> currentOwnerPasswordJob(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackSecrets.ownerPassword(stack, context)
                .flatMap(owner -> named(context, Job.class, OwnerPasswordJob.name(stack, owner)));
    }

    /**
     * True while a Job that logs in as the owner runs (a migration, grant, restore or backup): its pod read the
     * owner's password when it started, and may connect again later.
     */
    public static boolean ownerJobRunning(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return Stream.of(StackComponent.MIGRATION, StackComponent.LOGIN, StackComponent.RESTORE, StackComponent.BACKUP)
                .flatMap(component -> jobs(stack, context, component))
                .anyMatch(job -> JobOutcome.of(job).state() == JobOutcome.State.RUNNING);
    }

    /** True when the Job that gives the owner {@code owner}'s new password succeeded. */
    public static boolean ownerPasswordSet(AICodeCraftStack stack, Context<AICodeCraftStack> context,
                                           PostgresOwnerPassword owner) {
        return succeeded(named(context, Job.class, OwnerPasswordJob.name(stack, owner)));
    }

    public static boolean migrationSucceeded(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return succeeded(currentMigration(stack, context));
    }

    private static boolean succeeded(Optional<Job> job) {
        return job.map(found -> JobOutcome.of(found).succeeded()).orElse(false);
    }

    private static <R extends HasMetadata> Optional<R> named(Context<AICodeCraftStack> context, Class<R> kind,
                                                              String name) {
        return context.getSecondaryResourcesAsStream(kind)
                .filter(r -> name.equals(r.getMetadata().getName()))
                .findFirst();
    }
}
