package io.aicodecraft.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.api.PgvectorServer;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.dependent.MigrationReport;
import io.aicodecraft.operator.model.ApiConfigMap;
import io.aicodecraft.operator.model.MigrationJob;
import io.aicodecraft.operator.model.PoolPlan;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator-API contract of the migration Job, executable: its container exactly as the operator builds it runs
 * as a kubelet would ({@link LocalContainer}) against a real PostgreSQL with pgvector and one without, and the
 * operator's own reader finds in its termination message whether semantic search is on.
 */
class MigrationJobContractTest {

    @TempDir
    Path work;

    @Test
    void theMigrationJobReportsTheDatabasesPgvector() throws Exception {
        var report = migrate(PgvectorServer.shared().emptyDatabase());

        assertThat(report.schemaVersion()).isNotEqualTo("none");
        assertThat(report.pgvector()).hasValueSatisfying(version -> assertThat(version).matches("\\d+\\.\\d+\\.\\d+"));
    }

    @Test
    void theMigrationJobReportsADatabaseWithoutPgvector() throws Exception {
        var report = migrate(TestServers.shared().emptyDatabase());

        assertThat(report.schemaVersion()).isNotEqualTo("none");
        assertThat(report.pgvector()).isEmpty();
    }

    /** The stack's migration container run against {@code database}; what the operator reads of its pod. */
    private MigrationReport migrate(DatabaseConfig database) throws Exception {
        AICodeCraftStack stack = TestStacks.minimal("tenant-a", "team-a");
        stack.getSpec().getTls().setEnabled(false);
        var job = MigrationJob.build(stack);
        Container container = job.getSpec().getTemplate().getSpec().getContainers().getFirst();
        // the container writes its report where the kubelet reads the termination message; the test's file plays it
        assertThat(container.getTerminationMessagePath()).isIn(null, "/dev/termination-log");
        assertThat(container.getEnv()).contains(new EnvVar(MigrationJob.RESULT_FILE_ENV, "/dev/termination-log", null));
        Path terminationLog = work.resolve("termination-log");
        var config = ApiConfigMap.build(stack, PoolPlan.of(stack.getSpec()));
        var kubelet = new LocalContainer(Map.of("tmp", Files.createDirectories(work.resolve("tmp"))),
                Map.of(StackNames.postgresSecret(stack), Map.of("username", database.user(), "password", database.password())),
                Map.of(config.getMetadata().getName(), config.getData()),
                // the cluster's DNS and the kubelet's termination message file
                Map.of("AICC_DB_URL", database.url(), MigrationJob.RESULT_FILE_ENV, terminationLog.toString()));

        var exit = kubelet.run(container);

        assertThat(exit.code()).as(exit.output()).isZero();
        var pod = new PodBuilder().withNewStatus().withContainerStatuses(new ContainerStatusBuilder()
                .withName(container.getName()).withNewState().withNewTerminated().withExitCode(0)
                .withMessage(Files.readString(terminationLog)).endTerminated().endState().build()).endStatus().build();
        return MigrationReport.of(job.getMetadata().getName(), List.of(pod)).orElseThrow();
    }
}
