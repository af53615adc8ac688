package io.aicodecraft.operator.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.BackupSpec;
import io.aicodecraft.operator.crd.StorageSpec;
import io.aicodecraft.operator.model.BackupPod;
import io.aicodecraft.operator.model.OnDemandBackupJob;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.testing.OperatorOnApiServer;
import io.aicodecraft.operator.testing.RealApiServer;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Backups on a real kube-apiserver with the operator's production options: the CronJob and the claim are accepted
 * by the real batch and core schemas and owned by the stack; an annotation's token runs one backup Job; what its
 * pod's containers report when they end becomes status.backups and BackupsHealthy. No Job controller or kubelet
 * runs on this tier, so the test writes the pod's and the Job's status as they would.
 */
class BackupsOnApiServerTest {

    @RegisterExtension
    static final RealApiServer SERVER = new RealApiServer();

    @RegisterExtension
    static final OperatorOnApiServer OPERATOR = new OperatorOnApiServer(SERVER);

    private static StackDriver driver;

    @BeforeAll
    static void driver() {
        driver = OPERATOR.driver();
    }

    private static AICodeCraftStack backedUp(String namespace) {
        var stack = TestStacks.minimal(SERVER.namespace(namespace), "team-a");
        var backup = new BackupSpec();
        backup.setSchedule("0 3 * * *");
        backup.getRetention().setCount(7);
        backup.setVolume(new StorageSpec());
        stack.getSpec().getPostgres().setBackup(backup);
        return stack;
    }

    @Test
    void theScheduleIsAcceptedAndOwnedTheVolumeKeptAndTheScheduleIsHealthyBeforeItsFirstRun() {
        var stack = driver.create(backedUp("schedule"));

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            assertThat(driver.get(stack, CronJob.class, StackNames.backupSchedule(stack))).isNotNull();
            assertThat(driver.get(stack, PersistentVolumeClaim.class, StackNames.backupClaim(stack))).isNotNull();
        });
        var cronJob = driver.get(stack, CronJob.class, StackNames.backupSchedule(stack));
        String uid = driver.fresh(stack).getMetadata().getUid();
        assertThat(cronJob.getSpec().getSchedule()).isEqualTo("0 3 * * *");
        assertThat(cronJob.getSpec().getTimeZone()).isEqualTo("Etc/UTC");
        assertThat(cronJob.getMetadata().getOwnerReferences()).anySatisfy(o -> assertThat(o.getUid()).isEqualTo(uid));
        // deletionPolicy Retain (the default): the dumps outlive the stack
        assertThat(driver.get(stack, PersistentVolumeClaim.class, StackNames.backupClaim(stack)).getMetadata()
                .getOwnerReferences()).isEmpty();
        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(driver.condition(stack, "BackupsHealthy"))
                .hasValueSatisfying(c -> {
                    assertThat(c.getStatus()).isEqualTo("True");
                    assertThat(c.getReason()).isEqualTo("BackupScheduled");
                }));

        // turned off: the schedule goes, the dumps' volume stays
        driver.edit(stack, s -> {
            s.getSpec().getPostgres().setBackup(null);
            return s;
        });
        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            assertThat(driver.get(stack, CronJob.class, StackNames.backupSchedule(stack))).isNull();
            assertThat(driver.condition(stack, "BackupsHealthy")).isEmpty();
        });
        assertThat(driver.get(stack, PersistentVolumeClaim.class, StackNames.backupClaim(stack))).isNotNull();
    }

    @Test
    void aTokenRunsOneBackupWhoseResultIsTheStatusAndAFailedOneMakesTheBackupsUnhealthy() {
        var stack = driver.create(backedUp("on-demand"));
        driver.postgresReady(stack);

        var first = annotate(stack, "before-upgrade");
        var job = driver.get(stack, Job.class, first);
        assertThat(job.getSpec().getTemplate().getSpec().getInitContainers()).extracting("name").containsExactly("dump");
        driver.kubelet().pod("on-demand", first + "-abcde", job.getSpec().getTemplate(),
                Map.of("batch.kubernetes.io/job-name", first), new PodStatusBuilder().withPhase("Succeeded")
                        .withInitContainerStatuses(terminated(BackupPod.DUMP_CONTAINER, 0, null))
                        .withContainerStatuses(terminated(BackupPod.STORE_CONTAINER, 0,
                                "{\"name\":\"team-a-20261203T101500Z.dump\",\"sizeBytes\":48213,\"kept\":1,\"pruned\":0}"))
                        .build());
        driver.kubelet().jobSucceeded("on-demand", first);

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            var backups = driver.status(stack).getBackups();
            // AssertionErrors rather than NullPointerExceptions while the result is not in the status: await retries only those
            assertThat(backups).isNotNull();
            assertThat(backups.getLastSuccessful()).isNotNull();
            assertThat(backups.getLastSuccessful().getName()).isEqualTo("team-a-20261203T101500Z.dump");
            assertThat(backups.getLastSuccessful().getSizeBytes()).isEqualTo(48213L);
            assertThat(backups.getLastSuccessful().getJob()).isEqualTo(first);
            assertThat(backups.getKept()).isEqualTo(1);
            assertThat(driver.condition(stack, "BackupsHealthy")).hasValueSatisfying(c -> {
                assertThat(c.getStatus()).isEqualTo("True");
                assertThat(c.getReason()).isEqualTo("BackupStored");
            });
        });
        // the same token again is no new backup
        annotate(stack, "before-upgrade");
        assertThat(SERVER.client().batch().v1().jobs().inNamespace("on-demand")
                .withLabel("app.kubernetes.io/component", "backup").list().getItems()).hasSize(1);

        var second = annotate(stack, "after-upgrade");
        driver.kubelet().pod("on-demand", second + "-fghij", job.getSpec().getTemplate(),
                Map.of("batch.kubernetes.io/job-name", second), new PodStatusBuilder().withPhase("Failed")
                        .withInitContainerStatuses(terminated(BackupPod.DUMP_CONTAINER, 1,
                                "pg_dump: error: connection to server failed: FATAL:  password authentication failed"))
                        .build());
        driver.kubelet().jobFailed("on-demand", second, "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            assertThat(driver.condition(stack, "BackupsHealthy")).hasValueSatisfying(c -> {
                assertThat(c.getStatus()).isEqualTo("False");
                assertThat(c.getReason()).isEqualTo("BackupFailed");
                assertThat(c.getMessage()).contains(second)
                        .contains("container dump exited with 1: pg_dump: error: connection to server failed");
            });
            var backups = driver.status(stack).getBackups();
            assertThat(backups.getLastFailure()).isNotNull();
            assertThat(backups.getLastFailure().getJob()).isEqualTo(second);
            assertThat(backups.getLastSuccessful().getJob()).isEqualTo(first);
        });
        // Ready does not wait for backups
        assertThat(driver.condition(stack, "Ready").orElseThrow().getMessage()).doesNotContain("BackupsHealthy");
        // the earlier token's Job, its outcome in the status, is history; the current one stays for its log
        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(driver.get(stack, Job.class, first)).isNull());
        assertThat(driver.get(stack, Job.class, second)).isNotNull();
    }

    @Test
    void theMigrationsCleanUpLeavesTheBackupJobsAlone() {
        var stack = driver.create(backedUp("cleanup"));
        driver.postgresReady(stack);
        var backup = annotate(stack, "first");

        // a succeeded migration deletes the Jobs of earlier images, and only those
        driver.kubelet().jobSucceeded("cleanup", driver.awaitJob(stack));
        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(driver.condition(stack, "MigrationsComplete"))
                .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True")));
        driver.edit(stack, s -> {
            s.getSpec().getApi().setReplicas(3); // one more reconcile after the migration's
            return s;
        });
        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(driver.status(stack).getObservedGeneration())
                .isEqualTo(driver.fresh(stack).getMetadata().getGeneration()));

        assertThat(driver.get(stack, Job.class, backup)).isNotNull();
        assertThat(driver.get(stack, Job.class, backup).getMetadata().getDeletionTimestamp()).isNull();
    }

    @Test
    void aBackupAskedForWithoutBackupsIsSaidNotIgnored() {
        var stack = driver.create(TestStacks.minimal(SERVER.namespace("no-backups"), "team-a"));
        await().atMost(StackDriver.WAIT).until(() -> driver.status(stack) != null);

        driver.edit(stack, s -> {
            s.getMetadata().getAnnotations().put(OnDemandBackupJob.ANNOTATION, "now");
            return s;
        });

        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(driver.condition(stack, "BackupsHealthy"))
                .hasValueSatisfying(c -> {
                    assertThat(c.getStatus()).isEqualTo("False");
                    assertThat(c.getReason()).isEqualTo("BackupsNotConfigured");
                    assertThat(c.getMessage()).contains("spec.postgres.backup is not");
                }));
        assertThat(SERVER.client().batch().v1().jobs().inNamespace("no-backups")
                .withLabel("app.kubernetes.io/component", "backup").list().getItems()).isEmpty();
    }

    /** Sets the on-demand token and waits for its Job. */
    private static String annotate(AICodeCraftStack stack, String token) {
        driver.edit(stack, s -> {
            s.getMetadata().getAnnotations().put(OnDemandBackupJob.ANNOTATION, token);
            return s;
        });
        String name = StackNames.onDemandBackup(stack, token);
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Job.class, name) != null);
        return name;
    }

    private static ContainerStatus terminated(String name, int exitCode, String message) {
        return new ContainerStatusBuilder().withName(name).withReady(false).withRestartCount(0)
                .withImage("unused").withImageID("")
                .withNewState().withNewTerminated().withExitCode(exitCode)
                .withReason(exitCode == 0 ? "Completed" : "Error").withMessage(message).endTerminated().endState()
                .build();
    }
}
