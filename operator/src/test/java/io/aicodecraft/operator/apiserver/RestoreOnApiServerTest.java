package io.aicodecraft.operator.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.RestoreSpec;
import io.aicodecraft.operator.crd.RestoreVolumeSpec;
import io.aicodecraft.operator.crd.StackPhase;
import io.aicodecraft.operator.model.RestoreJob;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.testing.OperatorOnApiServer;
import io.aicodecraft.operator.testing.RealApiServer;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * spec.postgres.restoreFrom on a real kube-apiserver: the restore Job comes before the first migration, which waits
 * for it; a database that already holds data is refused, and nothing migrates; restoreFrom can only be set when the
 * stack is created. The test plays the Job controller and the kubelet.
 */
class RestoreOnApiServerTest {

    @RegisterExtension
    static final RealApiServer SERVER = new RealApiServer();

    @RegisterExtension
    static final OperatorOnApiServer OPERATOR = new OperatorOnApiServer(SERVER);

    private static StackDriver driver;

    @BeforeAll
    static void driver() {
        driver = OPERATOR.driver();
    }

    private static AICodeCraftStack restoring(String namespace) {
        var stack = TestStacks.minimal(SERVER.namespace(namespace), "team-b");
        var source = new RestoreSpec();
        var volume = new RestoreVolumeSpec();
        volume.setClaimName("migrated-dumps");
        volume.setPath("legacy/app.dump");
        source.setVolume(volume);
        stack.getSpec().getPostgres().setRestoreFrom(source);
        return stack;
    }

    @Test
    void theFirstMigrationWaitsForTheRestoreAndRunsOnceItSucceeded() {
        var stack = driver.create(restoring("restored"));
        driver.postgresReady(stack);
        String restore = StackNames.restoreJob(stack);
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Job.class, restore) != null);

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            assertThat(driver.condition(stack, "Restored")).hasValueSatisfying(c -> {
                assertThat(c.getStatus()).isEqualTo("False");
                assertThat(c.getReason()).isEqualTo("RestoreRunning");
            });
            assertThat(driver.condition(stack, "MigrationsComplete")).hasValueSatisfying(c ->
                    assertThat(c.getReason()).isEqualTo("WaitingForRestore"));
        });
        assertThat(driver.get(stack, Job.class, StackNames.migrationJob(stack))).isNull();

        driver.kubelet().jobSucceeded("restored", restore);

        driver.awaitJob(stack);
        assertThat(driver.condition(stack, "Restored")).hasValueSatisfying(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getMessage()).contains("file legacy/app.dump on claim migrated-dumps");
        });
    }

    @Test
    void aDatabaseThatHoldsDataIsRefusedAndNothingMigrates() {
        var stack = driver.create(restoring("refused"));
        driver.postgresReady(stack);
        String restore = StackNames.restoreJob(stack);
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Job.class, restore) != null);
        var job = driver.get(stack, Job.class, restore);

        driver.kubelet().pod("refused", restore + "-k2x9d", job.getSpec().getTemplate(),
                Map.of("batch.kubernetes.io/job-name", restore), new PodStatusBuilder().withPhase("Failed")
                        .withInitContainerStatuses(new ContainerStatusBuilder().withName(RestoreJob.CHECK_CONTAINER)
                                .withReady(false).withRestartCount(0).withImage("unused").withImageID("")
                                .withNewState().withNewTerminated().withExitCode(RestoreJob.NOT_EMPTY_EXIT_CODE)
                                .withReason("Error").withMessage("database app already holds 9 tables, e.g. public.generations;"
                                        + " a restore needs an empty database").endTerminated().endState()
                                .build())
                        .build());
        driver.kubelet().jobFailed("refused", restore, "PodFailurePolicy",
                "Container check-empty for pod refused/" + restore + "-k2x9d failed with exit code 3 matching FailJob rule at index 0");

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            assertThat(driver.condition(stack, "Restored")).hasValueSatisfying(c -> {
                assertThat(c.getStatus()).isEqualTo("False");
                assertThat(c.getReason()).isEqualTo("RestoreRefused");
                assertThat(c.getMessage()).contains("database app already holds 9 tables");
            });
            assertThat(driver.status(stack).getPhase()).isEqualTo(StackPhase.Failed);
        });
        assertThat(driver.get(stack, Job.class, StackNames.migrationJob(stack))).isNull();
    }

    @Test
    void restoreFromCannotBeAddedToAStackThatExists() {
        var stack = driver.create(TestStacks.minimal(SERVER.namespace("existing"), "team-a"));
        var source = restoring("existing").getSpec().getPostgres().getRestoreFrom();

        assertThatThrownBy(() -> SERVER.client().resource(driver.fresh(stack)).edit(s -> {
            s.getSpec().getPostgres().setRestoreFrom(source);
            return s;
        })).isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getMessage())
                .contains("restoreFrom is set when the stack is created: it cannot be added or changed later, only removed"));
    }
}
