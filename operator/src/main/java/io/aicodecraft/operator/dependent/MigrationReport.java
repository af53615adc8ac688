package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.MigrationJob;
import io.aicodecraft.operator.model.StackComponent;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;
import java.util.Optional;

/**
 * What the stack's current migration Job found in the database, from its {@code migrate} container's termination
 * message (api-app's MigrationResult): the schema version, and pgvector's version where the server has it. An API
 * image older than the report, or a Job whose pods are gone, reports nothing.
 *
 * @param job the migration Job's name
 * @param pgvectorVersion pgvector's version, or null where the database has none
 */
public record MigrationReport(String job, String schemaVersion, String pgvectorVersion) {

    public Optional<String> pgvector() {
        return Optional.ofNullable(pgvectorVersion);
    }

    /** The report of the current image's migration, once it succeeded. */
    public static Optional<MigrationReport> current(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackWorkloads.currentMigration(stack, context)
                .filter(job -> JobOutcome.of(job).succeeded())
                .map(job -> job.getMetadata().getName())
                .flatMap(job -> of(job, StackPods.jobPods(context, StackComponent.MIGRATION, job)));
    }

    /** The report among the pods of the migration Job {@code job}. */
    public static Optional<MigrationReport> of(String job, List<Pod> pods) {
        return ContainerReport.of(pods, MigrationJob.CONTAINER)
                .filter(report -> report.path("schemaVersion").isTextual() && report.has("pgvector"))
                .map(report -> new MigrationReport(job, report.path("schemaVersion").asText(),
                        report.path("pgvector").isTextual() ? report.path("pgvector").asText() : null));
    }
}
