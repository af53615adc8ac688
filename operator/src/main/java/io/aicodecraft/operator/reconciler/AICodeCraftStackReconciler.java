package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.AICodeCraftStackStatus;
import io.aicodecraft.operator.dependent.AdminKeySecretDependent;
import io.aicodecraft.operator.dependent.ApiConfigMapDependent;
import io.aicodecraft.operator.dependent.ApiDeploymentDependent;
import io.aicodecraft.operator.dependent.ApiHorizontalPodAutoscalerDependent;
import io.aicodecraft.operator.dependent.ApiPodDisruptionBudgetDependent;
import io.aicodecraft.operator.dependent.ApiRolloutCondition;
import io.aicodecraft.operator.dependent.ApiServiceDependent;
import io.aicodecraft.operator.dependent.ApiServiceMonitorDependent;
import io.aicodecraft.operator.dependent.AutoscalingEnabledCondition;
import io.aicodecraft.operator.dependent.BackupClaimDependent;
import io.aicodecraft.operator.dependent.BackupCronJobDependent;
import io.aicodecraft.operator.dependent.BackupVolumeCondition;
import io.aicodecraft.operator.dependent.CertificateAuthorityCondition;
import io.aicodecraft.operator.dependent.CertificateAuthorityDependent;
import io.aicodecraft.operator.dependent.CrdInstalledCondition;
import io.aicodecraft.operator.dependent.DatabaseReadyCondition;
import io.aicodecraft.operator.dependent.DeploymentAvailableCondition;
import io.aicodecraft.operator.dependent.GrantLoginCondition;
import io.aicodecraft.operator.dependent.GrantLoginJobDependent;
import io.aicodecraft.operator.dependent.ManagedPostgresCondition;
import io.aicodecraft.operator.dependent.ManagedRedisCondition;
import io.aicodecraft.operator.dependent.MigrationJobDependent;
import io.aicodecraft.operator.dependent.MigrationSucceededCondition;
import io.aicodecraft.operator.dependent.MonitoringCondition;
import io.aicodecraft.operator.dependent.MultipleApiPodsCondition;
import io.aicodecraft.operator.dependent.NetworkIsolationCondition;
import io.aicodecraft.operator.dependent.OnDemandBackupCondition;
import io.aicodecraft.operator.dependent.OnDemandBackupJobDependent;
import io.aicodecraft.operator.dependent.OwnerPasswordJobDependent;
import io.aicodecraft.operator.dependent.OwnerRotatingCondition;
import io.aicodecraft.operator.dependent.PoolPlanFitsCondition;
import io.aicodecraft.operator.dependent.PostgresCertificateCondition;
import io.aicodecraft.operator.dependent.PostgresCertificateDependent;
import io.aicodecraft.operator.dependent.PostgresHbaConfigMapDependent;
import io.aicodecraft.operator.dependent.PostgresLoginSecretDependent;
import io.aicodecraft.operator.dependent.PostgresMonitoringCondition;
import io.aicodecraft.operator.dependent.PostgresPodMonitorDependent;
import io.aicodecraft.operator.dependent.PostgresSecretDependent;
import io.aicodecraft.operator.dependent.PostgresServiceDependent;
import io.aicodecraft.operator.dependent.PostgresStatefulSetDependent;
import io.aicodecraft.operator.dependent.PostgresTlsSecretDependent;
import io.aicodecraft.operator.dependent.RedisCertificateCondition;
import io.aicodecraft.operator.dependent.RedisCertificateDependent;
import io.aicodecraft.operator.dependent.RedisDataClaimDependent;
import io.aicodecraft.operator.dependent.RedisDeploymentDependent;
import io.aicodecraft.operator.dependent.RedisMonitoringCondition;
import io.aicodecraft.operator.dependent.RedisPasswordJobDependent;
import io.aicodecraft.operator.dependent.RedisPersistenceCondition;
import io.aicodecraft.operator.dependent.RedisPodMonitorDependent;
import io.aicodecraft.operator.dependent.RedisRotatingCondition;
import io.aicodecraft.operator.dependent.RedisSecretDependent;
import io.aicodecraft.operator.dependent.RedisServiceDependent;
import io.aicodecraft.operator.dependent.RedisTlsSecretDependent;
import io.aicodecraft.operator.dependent.RestoreCondition;
import io.aicodecraft.operator.dependent.RestoreJobDependent;
import io.aicodecraft.operator.dependent.ScheduledBackupsCondition;
import io.aicodecraft.operator.dependent.StackAlertsDependent;
import io.aicodecraft.operator.dependent.StackNetworkPolicyDependent;
import io.aicodecraft.operator.dependent.StackPods;
import io.aicodecraft.operator.dependent.StackSecrets;
import io.aicodecraft.operator.dependent.StatefulSetReadyCondition;
import io.aicodecraft.operator.model.CredentialRotation;
import io.aicodecraft.operator.model.SpecProblems;
import io.aicodecraft.operator.probe.ApiHealthProbe;
import io.aicodecraft.operator.probe.ApiProbeSource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reconciles an {@code AICodeCraftStack}: runs the workflow of dependents (DESIGN.md section 4),
 * then writes status, conditions and events from what it finds, including the stack's pods (an
 * informer of its own) and the last answer of the active probe of the API (an event source of its own,
 * so no reconcile waits on an API). The workflow is invoked explicitly so a paused stack gets no write
 * at all.
 *
 * <p>Optional objects (managed PostgreSQL and Redis, HPA, PDB, NetworkPolicy) use reconcile
 * pre-conditions, not activation conditions: JOSDK registers and removes an activation condition's
 * informer for the whole controller, so stacks that differ in an option would keep tearing down each
 * other's informer. A failed pre-condition deletes the dependent and every dependent below it in the
 * graph, so the optional objects are leaves or chains of the same option, and the gates on the way to
 * the API (pool plan, database ready, migration, Redis ready) sit on dependents that are not Deleters
 * (configuration, migration Job, API Deployment): a closed gate leaves them exactly as they are.
 */
@ControllerConfiguration(name = AICodeCraftStackReconciler.NAME, generationAwareEventProcessing = false,
        informer = @Informer(onUpdateFilter = StackChangeFilter.class))
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = "admin-key-secret", type = AdminKeySecretDependent.class),
    @Dependent(name = "postgres-secret", type = PostgresSecretDependent.class,
            reconcilePrecondition = ManagedPostgresCondition.class),
    @Dependent(name = "redis-secret", type = RedisSecretDependent.class,
            reconcilePrecondition = ManagedRedisCondition.class),
    @Dependent(name = "api-config", type = ApiConfigMapDependent.class, dependsOn = "admin-key-secret",
            reconcilePrecondition = PoolPlanFitsCondition.class),
    @Dependent(name = "certificate-authority", type = CertificateAuthorityDependent.class,
            reconcilePrecondition = CertificateAuthorityCondition.class),
    @Dependent(name = "postgres-tls", type = PostgresTlsSecretDependent.class, dependsOn = "certificate-authority",
            reconcilePrecondition = ManagedPostgresCondition.class),
    @Dependent(name = "redis-tls", type = RedisTlsSecretDependent.class, dependsOn = "certificate-authority",
            reconcilePrecondition = ManagedRedisCondition.class),
    @Dependent(name = "postgres-certificate", type = PostgresCertificateDependent.class,
            activationCondition = CrdInstalledCondition.class,
            reconcilePrecondition = PostgresCertificateCondition.class),
    @Dependent(name = "redis-certificate", type = RedisCertificateDependent.class,
            activationCondition = CrdInstalledCondition.class,
            reconcilePrecondition = RedisCertificateCondition.class),
    @Dependent(name = "api-service-monitor", type = ApiServiceMonitorDependent.class,
            activationCondition = CrdInstalledCondition.class, reconcilePrecondition = MonitoringCondition.class),
    @Dependent(name = "stack-alerts", type = StackAlertsDependent.class,
            activationCondition = CrdInstalledCondition.class, reconcilePrecondition = MonitoringCondition.class),
    @Dependent(name = "postgres-pod-monitor", type = PostgresPodMonitorDependent.class,
            activationCondition = CrdInstalledCondition.class, reconcilePrecondition = PostgresMonitoringCondition.class),
    @Dependent(name = "redis-pod-monitor", type = RedisPodMonitorDependent.class,
            activationCondition = CrdInstalledCondition.class, reconcilePrecondition = RedisMonitoringCondition.class),
    @Dependent(name = "postgres-service", type = PostgresServiceDependent.class, dependsOn = "postgres-secret",
            reconcilePrecondition = ManagedPostgresCondition.class),
    @Dependent(name = "postgres-hba", type = PostgresHbaConfigMapDependent.class,
            reconcilePrecondition = ManagedPostgresCondition.class),
    @Dependent(name = "postgres-statefulset", type = PostgresStatefulSetDependent.class,
            dependsOn = {"postgres-secret", "postgres-tls", "postgres-hba"}, reconcilePrecondition = ManagedPostgresCondition.class,
            readyPostcondition = StatefulSetReadyCondition.class),
    @Dependent(name = "owner-password", type = OwnerPasswordJobDependent.class, dependsOn = "postgres-statefulset",
            reconcilePrecondition = OwnerRotatingCondition.class),
    @Dependent(name = "redis-data", type = RedisDataClaimDependent.class,
            reconcilePrecondition = RedisPersistenceCondition.class),
    @Dependent(name = "redis-service", type = RedisServiceDependent.class, dependsOn = "redis-secret",
            reconcilePrecondition = ManagedRedisCondition.class),
    @Dependent(name = "redis-deployment", type = RedisDeploymentDependent.class, dependsOn = {"redis-secret", "redis-tls"},
            reconcilePrecondition = ManagedRedisCondition.class, readyPostcondition = DeploymentAvailableCondition.class),
    @Dependent(name = "redis-password", type = RedisPasswordJobDependent.class, dependsOn = "redis-deployment",
            reconcilePrecondition = RedisRotatingCondition.class),
    @Dependent(name = "backup-volume", type = BackupClaimDependent.class,
            reconcilePrecondition = BackupVolumeCondition.class),
    @Dependent(name = "backup-schedule", type = BackupCronJobDependent.class,
            reconcilePrecondition = ScheduledBackupsCondition.class),
    @Dependent(name = "backup-now", type = OnDemandBackupJobDependent.class,
            reconcilePrecondition = OnDemandBackupCondition.class),
    @Dependent(name = "restore-job", type = RestoreJobDependent.class, dependsOn = "api-config",
            reconcilePrecondition = RestoreCondition.class),
    @Dependent(name = "migration-job", type = MigrationJobDependent.class, dependsOn = "api-config",
            reconcilePrecondition = DatabaseReadyCondition.class, readyPostcondition = MigrationSucceededCondition.class),
    @Dependent(name = "postgres-login", type = PostgresLoginSecretDependent.class,
            reconcilePrecondition = ManagedPostgresCondition.class),
    @Dependent(name = "grant-login", type = GrantLoginJobDependent.class, dependsOn = {"migration-job", "postgres-login"},
            reconcilePrecondition = GrantLoginCondition.class),
    @Dependent(name = "api-deployment", type = ApiDeploymentDependent.class, dependsOn = "migration-job",
            reconcilePrecondition = ApiRolloutCondition.class, readyPostcondition = DeploymentAvailableCondition.class),
    @Dependent(name = "api-service", type = ApiServiceDependent.class),
    @Dependent(name = "api-autoscaler", type = ApiHorizontalPodAutoscalerDependent.class,
            reconcilePrecondition = AutoscalingEnabledCondition.class),
    @Dependent(name = "api-disruption-budget", type = ApiPodDisruptionBudgetDependent.class,
            reconcilePrecondition = MultipleApiPodsCondition.class),
    @Dependent(name = "network-policy", type = StackNetworkPolicyDependent.class,
            reconcilePrecondition = NetworkIsolationCondition.class),
})
public class AICodeCraftStackReconciler implements Reconciler<AICodeCraftStack> {

    public static final String NAME = "aicodecraftstack";

    /** Error texts come from the API server; long ones are cut so the condition stays readable. */
    private static final int MAX_ERROR_CHARS = 500;

    private final StackOperatorOptions options;
    private final StackObserver observer;
    private final EventRecorder events = new EventRecorder();
    private final StackMetrics metrics;

    public AICodeCraftStackReconciler(StackOperatorOptions options) {
        this.options = options;
        this.observer = new StackObserver(options.probeEnabled());
        this.metrics = new StackMetrics(options.registry());
    }

    @Override
    public List<EventSource<?, AICodeCraftStack>> prepareEventSources(EventSourceContext<AICodeCraftStack> context) {
        var pods = StackPods.eventSource(context);
        if (!options.probeEnabled()) {
            return List.of(pods);
        }
        return List.of(pods, new ApiProbeSource(context, new ApiHealthProbe(options.probeTimeout()),
                options.addressResolver(), options.probeInterval()));
    }

    @Override
    public UpdateControl<AICodeCraftStack> reconcile(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        var previous = stack.getStatus() == null ? new AICodeCraftStackStatus() : stack.getStatus();
        var problems = SpecProblems.of(stack);
        if (!problems.isEmpty()) {
            // nothing is created or changed for it; a corrected spec is a new event
            writeStatus(stack, previous, StackStatuses.invalid(stack, previous, problems, now()), context);
            return UpdateControl.noUpdate();
        }
        if (stack.getSpec().isPaused()) {
            writeStatus(stack, previous, StackStatuses.paused(stack, previous, now()), context);
        } else {
            context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
            SupersededJobs.delete(stack, context);
            SupersededBackups.delete(stack, context);
            Instant now = Instant.now();
            Observation observation = observer.observe(stack, context, now);
            writeStatus(stack, previous, StackStatuses.next(stack, previous, observation, text(now)), context);
            // no event marks the moment a backup schedule becomes overdue, or a rotation's time comes
            var recheck = Stream.of(observation.backups().flatMap(BackupHealth::recheckAt),
                            CredentialRotation.nextScheduled(stack, now), redisRotationWaitsUntil(stack, context, now))
                    .flatMap(Optional::stream).min(Comparator.naturalOrder())
                    .map(at -> Duration.between(now, at).plusSeconds(1));
            if (recheck.isPresent()) {
                return UpdateControl.<AICodeCraftStack>noUpdate().rescheduleAfter(recheck.get());
            }
        }
        return UpdateControl.noUpdate();
    }

    /** When a Redis rotation asked for may start, if it waits for the previous one's password to reach Redis's pod. */
    private static Optional<Instant> redisRotationWaitsUntil(AICodeCraftStack stack, Context<AICodeCraftStack> context,
                                                             Instant now) {
        return StackSecrets.redisPasswords(stack, context)
                .filter(passwords -> CredentialRotation.due(CredentialRotation.requested(stack), passwords.rotation()))
                .map(passwords -> passwords.nextRotationFrom(now))
                .filter(at -> at.isAfter(now));
    }

    @Override
    public ErrorStatusUpdateControl<AICodeCraftStack> updateErrorStatus(AICodeCraftStack stack,
                                                                        Context<AICodeCraftStack> context,
                                                                        Exception e) {
        var previous = stack.getStatus() == null ? new AICodeCraftStackStatus() : stack.getStatus();
        // a sentence per failed dependent; the exception with its stack trace is in JOSDK's log
        metrics.countError(stack);
        var next = StackStatuses.failed(stack, previous, abbreviate(FailureText.of(e)), now());
        recordConditions(stack, next, context);
        events.record(context.getClient(), stack,
                StackEvent.between(previous.getConditions(), next.getConditions()));
        stack.setStatus(next);
        return ErrorStatusUpdateControl.patchStatus(stack);
    }

    /**
     * No request at all when nothing changed: a second reconcile of a settled stack writes nothing. The
     * written stack is cached for the next reconcile (JOSDK's PrimaryUpdateAndCacheUtils, with optimistic
     * locking), so no reconcile starts from a status older than the last one written, which would conflict
     * and repeat its events; and the events go out once their status is written.
     */
    private void writeStatus(AICodeCraftStack stack, AICodeCraftStackStatus previous,
                             AICodeCraftStackStatus next, Context<AICodeCraftStack> context) {
        recordConditions(stack, next, context);
        if (Serialization.asJson(previous).equals(Serialization.asJson(next))) {
            return;
        }
        if (context.getControllerConfiguration().getConfigurationService().useSSAToPatchPrimaryResource()) {
            PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(stack, statusOnly(stack, next), context);
        } else {
            PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(stack, context, fresh -> {
                fresh.setStatus(next);
                return fresh;
            });
        }
        events.record(context.getClient(), stack,
                StackEvent.between(previous.getConditions(), next.getConditions()));
    }

    private void recordConditions(AICodeCraftStack stack, AICodeCraftStackStatus status, Context<AICodeCraftStack> context) {
        metrics.recordConditions(stack, status.getConditions());
        metrics.prune(id -> context.getPrimaryCache().get(id).isPresent(), Instant.now());
    }

    /** What server-side apply of the status sends: the stack's identity and the status, nothing else. */
    private static AICodeCraftStack statusOnly(AICodeCraftStack stack, AICodeCraftStackStatus status) {
        var fresh = new AICodeCraftStack();
        fresh.getMetadata().setName(stack.getMetadata().getName());
        fresh.getMetadata().setNamespace(stack.getMetadata().getNamespace());
        fresh.setStatus(status);
        return fresh;
    }

    private static String now() {
        return text(Instant.now());
    }

    private static String text(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...";
    }
}
