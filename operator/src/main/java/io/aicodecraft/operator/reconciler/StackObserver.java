package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.dependent.BackupRuns;
import io.aicodecraft.operator.dependent.FailedContainer;
import io.aicodecraft.operator.dependent.JobOutcome;
import io.aicodecraft.operator.dependent.MigrationReport;
import io.aicodecraft.operator.dependent.PodProblem;
import io.aicodecraft.operator.dependent.StackPods;
import io.aicodecraft.operator.dependent.StackWorkloads;
import io.aicodecraft.operator.dependent.WorkloadReadiness;
import io.aicodecraft.operator.model.BackupPod;
import io.aicodecraft.operator.model.MigrationJob;
import io.aicodecraft.operator.model.OnDemandBackupJob;
import io.aicodecraft.operator.model.PoolPlan;
import io.aicodecraft.operator.model.RestoreJob;
import io.aicodecraft.operator.model.StackComponent;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.probe.ApiProbeSource;
import io.aicodecraft.operator.probe.ProbeResult;
import io.aicodecraft.operator.runtime.OperatorSettings;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the stack's objects and pods from the informers' caches, and the last answer of the API itself
 * to the active probe, to say for each condition whether it holds and why: a component whose pod cannot
 * start says why in the kubelet's or the scheduler's words. Nothing here waits on the network.
 */
final class StackObserver {

    private final boolean probeEnabled;

    StackObserver(boolean probeEnabled) {
        this.probeEnabled = probeEnabled;
    }

    Observation observe(AICodeCraftStack stack, Context<AICodeCraftStack> context, Instant now) {
        PoolPlan plan = PoolPlan.of(stack.getSpec());
        Optional<Job> job = StackWorkloads.currentMigration(stack, context);
        Optional<Deployment> api = StackWorkloads.api(stack, context);
        var service = StackWorkloads.apiService(stack, context);
        boolean serving = api.map(WorkloadReadiness::available).orElse(false);
        var postgres = PgvectorCheck.apply(stack, postgres(stack, context), MigrationReport.current(stack, context));
        var redis = redis(stack, context);
        Optional<ConditionState> restored = restored(stack, postgres.holds(), context);
        var migration = migration(stack, plan, job, postgres.holds(), restored, context);
        var apiReady = api(stack, api, service.isPresent() && serving, migration, redis, context);
        Optional<String> migratedImage = job.filter(j -> JobOutcome.of(j).succeeded())
                .map(j -> j.getMetadata().getAnnotations().getOrDefault(MigrationJob.IMAGE_ANNOTATION,
                        stack.getSpec().getApi().getImage()));
        int readyReplicas = api.map(WorkloadReadiness::readyReplicas).orElse(0);
        List<ConditionState> components = new ArrayList<>(List.of(postgres));
        restored.ifPresent(components::add);
        components.addAll(List.of(redis, pools(plan), migration, apiReady));
        return new Observation(components, plan, migratedImage,
                service.isPresent(), serving, readyReplicas, backups(stack, context, now), TlsStatuses.of(stack, context),
                CredentialStatuses.of(stack, context));
    }

    private static Optional<BackupHealth> backups(AICodeCraftStack stack, Context<AICodeCraftStack> context, Instant now) {
        var previous = stack.getStatus() == null ? null : stack.getStatus().getBackups();
        if (!BackupPod.applies(stack)) {
            // a backup asked for where none can be taken is said, not silently ignored
            return OnDemandBackupJob.token(stack).map(token -> new BackupHealth(previous,
                    new ConditionState(ConditionState.BACKUPS_HEALTHY, false, "BackupsNotConfigured",
                            "%s is set, but spec.postgres.backup is not: give a managed PostgreSQL a backup destination to take backups"
                                    .formatted(OnDemandBackupJob.ANNOTATION)),
                    Optional.empty()));
        }
        return Optional.of(BackupStatuses.next(stack.getSpec().getPostgres().getBackup().getSchedule(), previous,
                BackupRuns.of(stack, context), BackupRuns.scheduledSince(stack, context), now));
    }

    private static ConditionState postgres(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        var external = stack.getSpec().getPostgres().getExternal();
        if (external != null) {
            return new ConditionState(ConditionState.POSTGRES_READY, true, "External",
                    "Using the external PostgreSQL at %s:%d".formatted(external.getHost(), external.getPort()));
        }
        String name = StackNames.postgres(stack);
        return StackWorkloads.postgres(stack, context)
                .map(sts -> WorkloadReadiness.ready(sts)
                        ? new ConditionState(ConditionState.POSTGRES_READY, true, "PostgresReady",
                                "StatefulSet %s is ready".formatted(name))
                        : CertificateWait.of(stack, context, ConditionState.POSTGRES_READY, StackNames.postgresTls(stack))
                        .or(() -> failing(ConditionState.POSTGRES_READY, "PostgreSQL StatefulSet " + name,
                                StackPods.problem(context, StackComponent.DATABASE)))
                        .orElseGet(() -> new ConditionState(ConditionState.POSTGRES_READY, false, "PostgresStarting",
                                "Created PostgreSQL StatefulSet %s; %s".formatted(name, readyCount(sts)))))
                .orElseGet(() -> new ConditionState(ConditionState.POSTGRES_READY, false, "PostgresCreating",
                        "Creating PostgreSQL StatefulSet %s".formatted(name)));
    }

    private static ConditionState redis(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        if (stack.getSpec().getRedis().getExternal() != null) {
            return new ConditionState(ConditionState.REDIS_READY, true, "External",
                    "Using the external Redis named in spec.redis.external.urlSecretRef");
        }
        String name = StackNames.redis(stack);
        return StackWorkloads.redis(stack, context)
                .map(deployment -> WorkloadReadiness.available(deployment)
                        ? new ConditionState(ConditionState.REDIS_READY, true, "RedisReady",
                                "Deployment %s is available".formatted(name))
                        : CertificateWait.of(stack, context, ConditionState.REDIS_READY, StackNames.redisTls(stack))
                        .or(() -> failing(ConditionState.REDIS_READY, "Redis Deployment " + name,
                                StackPods.problem(context, StackComponent.CACHE)))
                        .orElseGet(() -> new ConditionState(ConditionState.REDIS_READY, false, "RedisStarting",
                                "Created Redis Deployment %s; %s".formatted(name, availableCount(deployment)))))
                .orElseGet(() -> new ConditionState(ConditionState.REDIS_READY, false, "RedisCreating",
                        "Creating Redis Deployment %s".formatted(name)));
    }

    private static ConditionState pools(PoolPlan plan) {
        if (!plan.fits()) {
            return new ConditionState(ConditionState.POOLS_CONFIGURED, false, "PoolPlanRejected",
                    plan.shortfallMessage() + "; the API is not rolled out to this configuration");
        }
        return new ConditionState(ConditionState.POOLS_CONFIGURED, true, "PoolPlanFits",
                "%d API pods x %d database connections + %d reserved = %d needed; PostgreSQL max_connections %d"
                        .formatted(plan.apiPodsMax(), plan.databasePoolPerPod(),
                                plan.migrationReserve() + plan.superuserReserve(), plan.needed(),
                                plan.postgresMaxConnections()));
    }

    /** Restored, when the spec asks for a restore: the restore Job's outcome, in its containers' words. */
    private static Optional<ConditionState> restored(AICodeCraftStack stack, boolean databaseReady,
                                                     Context<AICodeCraftStack> context) {
        if (!RestoreJob.applies(stack)) {
            return Optional.empty();
        }
        String source = stack.getSpec().getPostgres().getRestoreFrom().describe();
        String name = StackNames.restoreJob(stack);
        Optional<Job> job = StackWorkloads.restore(stack, context);
        if (job.isEmpty()) {
            if (StackWorkloads.restored(stack, context)) {
                return lastCondition(stack, ConditionState.RESTORED);
            }
            return Optional.of(new ConditionState(ConditionState.RESTORED, false, "RestorePending", databaseReady
                    ? "Creating the restore Job %s for %s".formatted(name, source)
                    : "The restore of %s starts once PostgreSQL is ready".formatted(source)));
        }
        JobOutcome outcome = JobOutcome.of(job.get());
        return Optional.of(switch (outcome.state()) {
            case SUCCEEDED -> new ConditionState(ConditionState.RESTORED, true, "Restored",
                    "Restored %s into the database (Job %s)".formatted(source, name));
            case FAILED -> FailedContainer.first(StackPods.jobPods(context, StackComponent.RESTORE, name))
                    .map(failed -> refused(failed)
                            ? new ConditionState(ConditionState.RESTORED, false, "RestoreRefused",
                                    "Restore Job %s refused to restore %s: %s. Restore into a new stack, or remove spec.postgres.restoreFrom"
                                            .formatted(name, source, failed.said()))
                            : new ConditionState(ConditionState.RESTORED, false, "RestoreFailed",
                                    "Restore Job %s of %s failed: %s".formatted(name, source, failed.describe())))
                    .orElseGet(() -> new ConditionState(ConditionState.RESTORED, false, "RestoreFailed",
                            "Restore Job %s of %s failed (%s)".formatted(name, source, outcome.message())));
            case RUNNING -> new ConditionState(ConditionState.RESTORED, false, "RestoreRunning",
                    "Restore Job %s of %s is running".formatted(name, source));
        });
    }

    private static boolean refused(FailedContainer failed) {
        return RestoreJob.CHECK_CONTAINER.equals(failed.container()) && failed.exitCode() == RestoreJob.NOT_EMPTY_EXIT_CODE;
    }

    private static ConditionState migration(AICodeCraftStack stack, PoolPlan plan, Optional<Job> job,
                                            boolean databaseReady, Optional<ConditionState> restored,
                                            Context<AICodeCraftStack> context) {
        String image = stack.getSpec().getApi().getImage();
        if (job.isPresent()) {
            String name = job.get().getMetadata().getName();
            JobOutcome outcome = JobOutcome.of(job.get());
            return switch (outcome.state()) {
                case SUCCEEDED -> new ConditionState(ConditionState.MIGRATIONS_COMPLETE, true, "MigrationSucceeded",
                        "Migration Job %s for image %s succeeded".formatted(name, image));
                case FAILED -> new ConditionState(ConditionState.MIGRATIONS_COMPLETE, false, "MigrationFailed",
                        "Migration Job %s for image %s failed (%s); the API stays on its previous image. "
                                .formatted(name, image, outcome.message())
                                + "Fix the cause, then delete the Job to run it again, or change the image");
                case RUNNING -> failing(ConditionState.MIGRATIONS_COMPLETE,
                        "Migration Job %s for image %s".formatted(name, image), StackPods.migrationProblem(context, name))
                        .orElseGet(() -> new ConditionState(ConditionState.MIGRATIONS_COMPLETE, false, "MigrationRunning",
                                "Migration Job %s for image %s is running".formatted(name, image)));
            };
        }
        if (!plan.fits()) {
            return new ConditionState(ConditionState.MIGRATIONS_COMPLETE, false, "WaitingForPoolPlan",
                    "No migration for image %s while the pool plan is rejected (see PoolsConfigured)".formatted(image));
        }
        if (!databaseReady) {
            return new ConditionState(ConditionState.MIGRATIONS_COMPLETE, false, "WaitingForDatabase",
                    "The migration for image %s starts once PostgreSQL is ready".formatted(image));
        }
        if (restored.isPresent() && !restored.get().holds()) {
            return new ConditionState(ConditionState.MIGRATIONS_COMPLETE, false, "WaitingForRestore",
                    "The migration for image %s starts once the restore is done (see Restored)".formatted(image));
        }
        return new ConditionState(ConditionState.MIGRATIONS_COMPLETE, false, "MigrationPending",
                "Creating the migration Job %s for image %s".formatted(StackNames.migrationJob(stack), image));
    }

    private ConditionState api(AICodeCraftStack stack, Optional<Deployment> api, boolean reachable,
                               ConditionState migration, ConditionState redis, Context<AICodeCraftStack> context) {
        String name = StackNames.api(stack);
        if (api.isEmpty()) {
            String awaited = !migration.holds() ? "the migration (see MigrationsComplete)"
                    : !redis.holds() ? "Redis (see RedisReady)"
                    : !StackWorkloads.loginGranted(stack, context) ? login(stack, context) : "its creation";
            return new ConditionState(ConditionState.API_READY, false, "ApiNotDeployed",
                    "API Deployment %s waits for %s".formatted(name, awaited));
        }
        if (!reachable) {
            return failing(ConditionState.API_READY, "API Deployment " + name, StackPods.problem(context, StackComponent.API))
                    .orElseGet(() -> new ConditionState(ConditionState.API_READY, false, "ApiRollingOut",
                            "API Deployment %s: %s".formatted(name, availableCount(api.get()))));
        }
        if (!probeEnabled) {
            return new ConditionState(ConditionState.API_READY, true, "ApiAvailable",
                    "API Deployment %s serves image %s; %s; not probed by the operator (%s=false)".formatted(
                            name, image(api.get()), availableCount(api.get()), OperatorSettings.PROBE_ENABLED));
        }
        Optional<ProbeResult> probe = ApiProbeSource.lastResult(stack, context);
        if (probe.isEmpty()) {
            // after a restart of the operator the answer in the status stands until the first probe,
            // so a Ready stack does not flap (and write and record it) on every restart
            return lastAnswer(stack).orElseGet(() -> new ConditionState(ConditionState.API_READY, false,
                    "ApiProbePending", "API Deployment %s has its pods available; waiting for the first answer of its /health/ready"
                            .formatted(name)));
        }
        ProbeResult result = probe.get();
        return switch (result.outcome()) {
            case READY -> new ConditionState(ConditionState.API_READY, true, "ApiAvailable",
                    "API Deployment %s serves image %s; %s".formatted(name, image(api.get()), result.message()));
            case DEGRADED -> new ConditionState(ConditionState.API_READY, false, "ApiDegraded", result.message());
            case NOT_READY, TIMED_OUT, UNREACHABLE -> new ConditionState(ConditionState.API_READY, false,
                    "ApiProbeFailed", "API Deployment %s has its pods available, but %s".formatted(name, result.message()));
        };
    }

    /** What the first grant of the API's database login is at, for a Deployment that waits for it. */
    private static String login(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackWorkloads.currentGrant(stack, context).map(job -> {
            JobOutcome outcome = JobOutcome.of(job);
            String state = switch (outcome.state()) {
                case FAILED -> "failed (" + outcome.message() + "); delete the Job to run it again";
                case RUNNING, SUCCEEDED -> "is running";
            };
            return "its database login: Job %s %s".formatted(job.getMetadata().getName(), state);
        }).orElse("its database login (the grant Job is being created)");
    }

    /** ApiReady as the stack's status has it, when it is True: the last probe's answer of an earlier run. */
    private static Optional<ConditionState> lastAnswer(AICodeCraftStack stack) {
        return lastCondition(stack, ConditionState.API_READY);
    }

    /** A condition of the stack's status, when it is True. */
    private static Optional<ConditionState> lastCondition(AICodeCraftStack stack, String type) {
        return Optional.ofNullable(stack.getStatus()).stream()
                .flatMap(status -> status.getConditions().stream())
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
                .map(c -> new ConditionState(type, true, c.getReason(), c.getMessage()))
                .findFirst();
    }

    /** The condition of a component that waits on a pod that cannot start, with the pod's reason. */
    private static Optional<ConditionState> failing(String type, String component, Optional<PodProblem> problem) {
        return problem.map(p -> new ConditionState(type, false, p.reason(), component + ": " + p.message()));
    }

    private static String image(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }

    private static String readyCount(StatefulSet sts) {
        Integer ready = sts.getStatus() == null ? null : sts.getStatus().getReadyReplicas();
        return "%d of %s pods ready".formatted(ready == null ? 0 : ready, sts.getSpec().getReplicas());
    }

    private static String availableCount(Deployment deployment) {
        Integer available = deployment.getStatus() == null ? null : deployment.getStatus().getAvailableReplicas();
        Integer wanted = deployment.getSpec().getReplicas();
        return "%d of %s pods of the current spec available".formatted(available == null ? 0 : available,
                wanted == null ? "?" : wanted.toString());
    }
}
