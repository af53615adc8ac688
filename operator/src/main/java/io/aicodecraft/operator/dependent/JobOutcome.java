package io.aicodecraft.operator.dependent;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.List;
import java.util.Optional;

/**
 * Where a Job is, from its conditions: {@code Complete=True} or {@code Failed=True} end it.
 *
 * @param state running, succeeded or failed
 * @param message for a failed Job, the Job controller's reason and message
 */
public record JobOutcome(State state, String message) {

    public enum State { RUNNING, SUCCEEDED, FAILED }

    public static JobOutcome of(Job job) {
        List<JobCondition> conditions = job.getStatus() == null || job.getStatus().getConditions() == null
                ? List.of()
                : job.getStatus().getConditions();
        if (holds(conditions, "Complete").isPresent()) {
            return new JobOutcome(State.SUCCEEDED, "");
        }
        return holds(conditions, "Failed")
                .map(failed -> new JobOutcome(State.FAILED, describe(failed)))
                .orElseGet(() -> new JobOutcome(State.RUNNING, ""));
    }

    public boolean succeeded() {
        return state == State.SUCCEEDED;
    }

    private static Optional<JobCondition> holds(List<JobCondition> conditions, String type) {
        return conditions.stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
                .findFirst();
    }

    private static String describe(JobCondition failed) {
        String reason = failed.getReason() == null ? "Failed" : failed.getReason();
        return failed.getMessage() == null ? reason : reason + ": " + failed.getMessage();
    }
}
