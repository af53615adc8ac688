package io.aicodecraft.api.chain;

import io.aicodecraft.api.ai.Language;

import java.time.Instant;
import java.util.List;

/**
 * One task as {@code GET /v1/chains/{id}} shows it. {@code attempts} counts the times the queue handed the task
 * to a worker; {@code worker}, {@code output}, {@code error} and the times are null until they exist.
 */
public record TaskView(String id, String prompt, TemplateRef template, Language language, List<String> dependsOn,
                       TaskStatus status, int attempts, String worker, String output, String error, Instant startedAt,
                       Instant finishedAt) {

    /** A task of a chain that was just submitted. */
    public static TaskView submitted(TaskSpec spec) {
        return new TaskView(spec.id(), spec.prompt(), spec.template(), spec.language(), spec.dependsOn(),
                spec.dependsOn().isEmpty() ? TaskStatus.QUEUED : TaskStatus.WAITING, 0, null, null, null, null, null);
    }
}
