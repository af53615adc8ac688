package io.aicodecraft.operator.dependent;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.BackupPod;
import io.aicodecraft.operator.model.StackComponent;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stack's ended backup runs, from the informers' caches: each backup Job (the CronJob's and the on-demand
 * ones) with what its pod's {@code store} container reported when it ended, or why a container failed.
 */
public final class BackupRuns {

    private BackupRuns() {
    }

    public static List<BackupRun> of(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackWorkloads.jobs(stack, context, StackComponent.BACKUP)
                .flatMap(job -> run(job, StackPods.jobPods(context, StackComponent.BACKUP, job.getMetadata().getName())).stream())
                .toList();
    }

    /** Since when the CronJob exists: before its first run, a schedule is overdue only counted from then. */
    public static Optional<Instant> scheduledSince(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        String cronJob = StackNames.backupSchedule(stack);
        return context.getSecondaryResourcesAsStream(CronJob.class)
                .filter(c -> cronJob.equals(c.getMetadata().getName()))
                .map(c -> c.getMetadata().getCreationTimestamp())
                .filter(Objects::nonNull)
                .map(Instant::parse)
                .findFirst();
    }

    /** The run of {@code job} from its pods, if it ended. */
    public static Optional<BackupRun> run(Job job, List<Pod> pods) {
        String jobName = job.getMetadata().getName();
        JobOutcome outcome = JobOutcome.of(job);
        return finished(job, outcome).map(finished -> outcome.succeeded()
                ? stored(jobName, finished, pods)
                : new BackupRun.Failed(jobName, finished,
                        FailedContainer.first(pods).map(FailedContainer::describe).orElse(outcome.message())));
    }

    /** When {@code job} ended; empty while it runs. */
    public static Optional<Instant> finished(Job job) {
        return finished(job, JobOutcome.of(job));
    }

    private static BackupRun.Stored stored(String job, Instant finished, List<Pod> pods) {
        Optional<JsonNode> result = ContainerReport.of(pods, BackupPod.STORE_CONTAINER);
        return new BackupRun.Stored(job, finished,
                result.map(r -> r.path("name").asText(null)).orElse(null),
                result.filter(r -> r.path("sizeBytes").canConvertToLong()).map(r -> r.path("sizeBytes").asLong()).orElse(null),
                result.filter(r -> r.path("kept").canConvertToInt()).map(r -> r.path("kept").asInt()).orElse(null));
    }

    /** When the Job's condition became true; a Job written without that time ended no later than it was seen. */
    private static Optional<Instant> finished(Job job, JobOutcome outcome) {
        if (outcome.state() == JobOutcome.State.RUNNING) {
            return Optional.empty();
        }
        var status = job.getStatus();
        if (outcome.succeeded() && status.getCompletionTime() != null) {
            return Optional.of(Instant.parse(status.getCompletionTime()));
        }
        String conditionType = outcome.succeeded() ? "Complete" : "Failed";
        return Optional.of(Optional.ofNullable(status.getConditions()).orElse(List.of()).stream()
                .filter(c -> conditionType.equals(c.getType()))
                .map(JobCondition::getLastTransitionTime)
                .filter(Objects::nonNull)
                .findFirst()
                .or(() -> Optional.ofNullable(status.getStartTime()))
                .map(Instant::parse)
                .orElseGet(() -> Instant.parse(job.getMetadata().getCreationTimestamp())));
    }
}
