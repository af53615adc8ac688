package io.aicodecraft.operator.cluster;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.BackupSpec;
import io.aicodecraft.operator.crd.DeletionPolicy;
import io.aicodecraft.operator.crd.StackPhase;
import io.aicodecraft.operator.crd.StorageSpec;
import io.aicodecraft.operator.install.Repository;
import io.aicodecraft.operator.model.StackComponent;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.testing.AuditLog;
import io.aicodecraft.operator.testing.ChartRelease;
import io.aicodecraft.operator.testing.RealApi;
import io.aicodecraft.operator.testing.RealCluster;
import io.aicodecraft.operator.testing.ReconcileCounter;
import io.aicodecraft.operator.testing.RunningOperator;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The operator on a real cluster (API server, controllers, scheduler, kwok's fake nodes), installed by
 * its own chart and acting as the chart's ServiceAccount: a permission the chart lacks fails here. Its
 * probe reaches a real API process, since kwok's pods serve nothing.
 */
class StackOnClusterTest {

    static final Duration READY = Duration.ofSeconds(120);

    @RegisterExtension
    static final RealCluster CLUSTER = new RealCluster();

    private static ChartRelease chart;
    private static KubernetesClient operatorClient;
    private static RunningOperator operator;
    private static ReconcileCounter reconciles;
    private static StackDriver driver;

    @BeforeAll
    static void installTheChartAndRunTheOperatorAsItsServiceAccount() {
        chart = ChartRelease.install(CLUSTER, "tenants", "platform");
        operatorClient = chart.operatorClient();
        startOperator();
        driver = new StackDriver(CLUSTER.client());
    }

    private static void startOperator() {
        reconciles = new ReconcileCounter();
        operator = RunningOperator.start(operatorClient, RealApi.addresses(), reconciles);
    }

    @AfterAll
    static void stopOperator() {
        if (operator != null) {
            operator.close();
        }
        if (operatorClient != null) {
            operatorClient.close();
        }
    }

    @Test
    void theMinimalExampleGoesThroughProvisioningAndMigratingToReady() throws IOException {
        var example = Serialization.unmarshal(Files.readString(Repository.EXAMPLES.resolve("minimal.yaml")),
                AICodeCraftStack.class);
        example.getMetadata().setNamespace(CLUSTER.namespace("minimal"));
        var phases = new CopyOnWriteArrayList<StackPhase>();
        try (Watch ignored = phasesOf(example, phases)) {
            var stack = awaitReady(driver.create(example));

            var seen = withoutRepeats(phases);
            assertThat(seen).containsSubsequence(StackPhase.Provisioning, StackPhase.Migrating, StackPhase.Ready)
                    .as("phases only move forward").isSortedAccordingTo(Comparator.naturalOrder());
            var fresh = driver.fresh(stack);
            assertThat(fresh.getStatus().getConditions()).isNotEmpty().allSatisfy(condition ->
                    assertThat(condition.getObservedGeneration()).as(condition.getType())
                            .isEqualTo(fresh.getMetadata().getGeneration()));
        }
        var stack = driver.fresh(example);
        assertThat(claimsOf(stack)).isNotEmpty().allSatisfy(claim ->
                assertThat(claim.getStatus().getPhase()).isEqualTo("Bound"));
        var job = driver.get(stack, Job.class, StackNames.migrationJob(stack));
        assertThat(job.getStatus().getConditions())
                .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Complete=True"));
        var api = driver.get(stack, Deployment.class, StackNames.api(stack));
        assertThat(api.getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(driver.fresh(stack).getStatus().getApiReadyReplicas()).isEqualTo(2);
    }

    @Test
    void theExternalDatabaseExampleBecomesReady() throws IOException {
        var example = Serialization.unmarshal(Files.readString(Repository.EXAMPLES.resolve("external-database.yaml")),
                AICodeCraftStack.class);
        String namespace = CLUSTER.namespace(example.getMetadata().getNamespace());
        // the four Secrets its comment says to create first
        CLUSTER.client().secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                .withName("orders-db").endMetadata().addToStringData("username", "aicc")
                .addToStringData("password", "secret").build()).create();
        CLUSTER.client().secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                .withName("orders-redis").endMetadata()
                .addToStringData("url", "rediss://:password@redis.example.internal:6380").build()).create();
        CLUSTER.client().secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                .withName("orders-db-ca").endMetadata()
                .addToStringData("ca.crt", "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n").build())
                .create();
        CLUSTER.client().secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                .withName("orders-redis-ca").endMetadata()
                .addToStringData("ca.crt", "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n").build())
                .create();

        var stack = awaitReady(driver.create(example));

        assertThat(CLUSTER.client().apps().statefulSets().inNamespace(namespace).list().getItems()).isEmpty();
        assertThat(driver.get(stack, Deployment.class, StackNames.redis(stack))).isNull();
        assertThat(driver.get(stack, Deployment.class, StackNames.api(stack)).getStatus().getReadyReplicas()).isEqualTo(3);
    }

    @Test
    void theCronJobControllerRunsTheScheduledBackupAndItsResultReachesTheStatus() {
        var wanted = TestStacks.minimal(CLUSTER.namespace("backups"), "team-a");
        var backup = new BackupSpec();
        backup.setSchedule("* * * * *");
        backup.setVolume(new StorageSpec());
        wanted.getSpec().getPostgres().setBackup(backup);
        var stack = driver.create(wanted);

        // the Job is the CronJob's, not the stack's: the operator finds it by the stack's label
        await().atMost(Duration.ofSeconds(150)).untilAsserted(() -> {
            var status = driver.status(stack);
            assertThat(status).isNotNull();
            var backups = status.getBackups();
            assertThat(backups).isNotNull();
            assertThat(backups.getLastSuccessful()).isNotNull();
            assertThat(backups.getLastSuccessful().getJob()).startsWith(StackNames.backupSchedule(stack) + "-");
            assertThat(backups.getLastSuccessful().getName()).startsWith(backups.getLastSuccessful().getJob() + "-")
                    .endsWith(".dump");
            assertThat(backups.getLastSuccessful().getSizeBytes()).isEqualTo(1024L);
        });
        assertThat(driver.condition(stack, "BackupsHealthy")).hasValueSatisfying(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("BackupStored");
        });
        var job = driver.get(stack, Job.class, driver.status(stack).getBackups().getLastSuccessful().getJob());
        assertThat(job.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getKind()).isEqualTo("CronJob"));
    }

    @Test
    void theSchedulerSpreadsTheApiPodsAcrossZones() {
        var wanted = TestStacks.minimal(CLUSTER.namespace("spread"), "team-a");
        wanted.getSpec().getApi().setReplicas(3);
        var stack = awaitReady(driver.create(wanted));

        var zones = apiPods(stack).stream().map(pod -> zoneOf(pod.getSpec().getNodeName())).toList();
        assertThat(zones).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aComponentsSchedulingReachesItsPodsOnANodeOnlyItMayUse() {
        CLUSTER.fakeNode("kwok-dedicated", "zone-0", Map.of("pool", "dedicated"), List.of(new TaintBuilder()
                .withKey("dedicated").withValue("aicc").withEffect("NoSchedule").build()));
        var wanted = TestStacks.minimal(CLUSTER.namespace("dedicated"), "team-a");
        var scheduling = wanted.getSpec().getRedis().getManaged().getScheduling();
        scheduling.setNodeSelector(Map.of("pool", "dedicated"));
        scheduling.setTolerations(List.of(new TolerationBuilder().withKey("dedicated").withOperator("Equal")
                .withValue("aicc").withEffect("NoSchedule").build()));
        CLUSTER.client().resource(new PriorityClassBuilder().withNewMetadata().withName("tenant-data").endMetadata()
                .withValue(1000).build()).create();
        scheduling.setPriorityClassName("tenant-data");
        var stack = awaitReady(driver.create(wanted));

        var redis = CLUSTER.client().pods().inNamespace(stack.getMetadata().getNamespace())
                .withLabels(StackComponent.CACHE.selector(stack)).list().getItems();
        assertThat(redis).singleElement().satisfies(pod -> {
            assertThat(pod.getSpec().getNodeName()).isEqualTo("kwok-dedicated");
            assertThat(pod.getSpec().getPriorityClassName()).isEqualTo("tenant-data");
            assertThat(pod.getSpec().getPriority()).isEqualTo(1000);
        });
        assertThat(apiPods(stack)).allSatisfy(pod -> assertThat(pod.getSpec().getNodeName()).isNotEqualTo("kwok-dedicated"));
    }

    @Test
    void aReadyStackCostsNoWriteOverTwoResyncs() {
        var stack = awaitReady(driver.create(TestStacks.minimal(CLUSTER.namespace("steady"), "team-a")));
        // the last status write may still be in flight when Ready is read
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        long reconcilesBefore = reconciles.finished("steady", "team-a");
        Instant start = Instant.now();

        await().pollDelay(RunningOperator.RESYNC_INTERVAL.multipliedBy(3)).until(() -> true);

        assertThat(reconciles.finished("steady", "team-a")).as("reconciles in the window")
                .isGreaterThanOrEqualTo(reconcilesBefore + 2);
        assertThat(AuditLog.read(CLUSTER.audit()).by(chart.operatorUser()).since(start).writes())
                .filteredOn(write -> "steady".equals(write.namespace()))
                .isEmpty();
        assertThat(driver.condition(stack, "Ready")).map(Condition::getStatus).hasValue("True");
    }

    @Test
    void anOperatorRestartChangesNoSecret() {
        var stack = awaitReady(driver.create(TestStacks.minimal(CLUSTER.namespace("restart"), "team-a")));
        Map<String, Map<String, String>> before = secretsOf(stack);

        operator.close();
        startOperator();
        await().atMost(StackDriver.WAIT).until(() -> reconciles.finished("restart", "team-a") >= 2);

        assertThat(secretsOf(stack)).isEqualTo(before);
        assertThat(driver.condition(stack, "Ready")).map(Condition::getStatus).hasValue("True");
    }

    @Test
    void deletionPolicyDeleteLeavesNothingBehind() {
        var wanted = TestStacks.minimal(CLUSTER.namespace("deleted"), "team-a");
        wanted.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
        var stack = awaitReady(driver.create(wanted));
        // the StatefulSet controller hands its claims to the set (whenDeleted: Delete) once their pod is
        // ready, which may be just after the stack reports Ready
        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(claimsOf(stack)).isNotEmpty()
                .allSatisfy(claim -> assertThat(claim.getMetadata().getOwnerReferences())
                        .extracting(owner -> owner.getKind() + "/" + owner.getName())
                        .contains("StatefulSet/" + StackNames.postgres(stack))));

        CLUSTER.client().resource(stack).delete();

        // the garbage collector, following owner references, and the StatefulSet's claim retention policy
        await().atMost(READY).untilAsserted(() -> {
            assertThat(CLUSTER.client().apps().statefulSets().inNamespace("deleted").list().getItems()).isEmpty();
            assertThat(CLUSTER.client().apps().deployments().inNamespace("deleted").list().getItems()).isEmpty();
            assertThat(CLUSTER.client().pods().inNamespace("deleted").list().getItems()).isEmpty();
            assertThat(CLUSTER.client().persistentVolumeClaims().inNamespace("deleted").list().getItems()).isEmpty();
            assertThat(CLUSTER.client().secrets().inNamespace("deleted").list().getItems()).isEmpty();
            assertThat(CLUSTER.client().configMaps().inNamespace("deleted").list().getItems())
                    .allSatisfy(map -> assertThat(map.getMetadata().getName()).isEqualTo("kube-root-ca.crt"));
        });
    }

    @Test
    void deletionPolicyRetainKeepsTheDataAndItsPasswordForTheNextStack() {
        var wanted = TestStacks.minimal(CLUSTER.namespace("retained"), "team-a");
        wanted.getSpec().setDeletionPolicy(DeletionPolicy.Retain); // the default, said here for the reader
        var stack = awaitReady(driver.create(wanted));
        var claims = claimsOf(stack).stream().map(claim -> claim.getMetadata().getUid()).toList();
        String password = passwordOf(stack);

        CLUSTER.client().resource(stack).delete();
        await().atMost(READY).untilAsserted(() -> assertThat(CLUSTER.client().apps().statefulSets()
                .inNamespace("retained").list().getItems()).isEmpty());
        assertThat(claimsOf(stack)).extracting(claim -> claim.getMetadata().getUid()).containsExactlyElementsOf(claims);
        assertThat(passwordOf(stack)).isEqualTo(password);

        wanted.getMetadata().setResourceVersion(null);
        var again = awaitReady(driver.create(wanted));
        assertThat(claimsOf(again)).extracting(claim -> claim.getMetadata().getUid()).containsExactlyElementsOf(claims);
        assertThat(passwordOf(again)).isEqualTo(password);
    }

    @Test
    void aNewImageMigratesBeforeTheApiRollsAndAFailingMigrationKeepsTheOldApi() {
        var stack = awaitReady(driver.create(TestStacks.minimal(CLUSTER.namespace("upgrade"), "team-a")));

        var upgraded = driver.edit(stack, s -> {
            s.getSpec().getApi().setImage(TestStacks.IMAGE_V2);
            return s;
        });
        await().atMost(READY).untilAsserted(() -> assertThat(imageOf(stack)).isEqualTo(TestStacks.IMAGE_V2));
        var migration = driver.get(stack, Job.class, StackNames.migrationJob(upgraded));
        assertThat(migration.getStatus().getCompletionTime()).as("the new image's migration completed").isNotNull();
        awaitReady(stack);

        var failing = driver.edit(stack, s -> {
            s.getSpec().getApi().setImage(TestStacks.FAILING_IMAGE);
            return s;
        });
        await().atMost(READY).untilAsserted(() -> assertThat(driver.condition(stack, "MigrationsComplete"))
                .hasValueSatisfying(c -> {
                    assertThat(c.getReason()).isEqualTo("MigrationFailed");
                    assertThat(c.getObservedGeneration()).isEqualTo(failing.getMetadata().getGeneration());
                }));
        assertThat(driver.get(stack, Job.class, StackNames.migrationJob(failing)).getStatus().getFailed())
                .isPositive();
        assertThat(driver.status(stack).getPhaseReason()).startsWith("MigrationsComplete (MigrationFailed)");
        assertThat(imageOf(stack)).isEqualTo(TestStacks.IMAGE_V2);
        assertThat(driver.get(stack, Deployment.class, StackNames.api(stack)).getStatus().getReadyReplicas())
                .isEqualTo(2);
    }

    @Test
    void theInstallManifestsApplyWithKubectlAndTheirOperatorRollsOut() throws Exception {
        CLUSTER.kubectl("apply", "-f", Repository.INSTALL_MANIFESTS.toString());

        assertThat(CLUSTER.kubectl("rollout", "status", "deployment/aicodecraft-operator", "-n", "aicodecraft-system",
                "--timeout=120s")).contains("successfully rolled out");
        String serviceAccount = AuditLog.serviceAccountUser("aicodecraft-system", "aicodecraft-operator");
        assertThat(CLUSTER.kubectl("auth", "can-i", "patch", "statefulsets.apps", "-n", "any-tenant",
                "--as=" + serviceAccount).strip()).isEqualTo("yes");
        assertThatThrownBy(() -> CLUSTER.kubectl("auth", "can-i", "get", "nodes", "--as=" + serviceAccount))
                .hasMessageContaining("no");
    }

    private static AICodeCraftStack awaitReady(AICodeCraftStack stack) {
        await().atMost(READY).untilAsserted(() -> assertThat(driver.condition(stack, "Ready"))
                .hasValueSatisfying(c -> {
                    assertThat(c.getStatus()).as("Ready: %s", c.getMessage()).isEqualTo("True");
                    assertThat(c.getObservedGeneration()).isEqualTo(driver.fresh(stack).getMetadata().getGeneration());
                }));
        return driver.fresh(stack);
    }

    private static Watch phasesOf(AICodeCraftStack stack, List<StackPhase> phases) {
        return CLUSTER.client().resources(AICodeCraftStack.class).inNamespace(stack.getMetadata().getNamespace())
                .withName(stack.getMetadata().getName()).watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, AICodeCraftStack seen) {
                        if (seen.getStatus() != null && seen.getStatus().getPhase() != null) {
                            phases.add(seen.getStatus().getPhase());
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                });
    }

    private static List<StackPhase> withoutRepeats(List<StackPhase> phases) {
        var distinct = new ArrayList<StackPhase>();
        for (var phase : phases) {
            if (distinct.isEmpty() || distinct.getLast() != phase) {
                distinct.add(phase);
            }
        }
        return distinct;
    }

    private static List<Pod> apiPods(AICodeCraftStack stack) {
        return CLUSTER.client().pods().inNamespace(stack.getMetadata().getNamespace())
                .withLabels(StackComponent.API.selector(stack)).list().getItems();
    }

    private static String zoneOf(String node) {
        return CLUSTER.client().nodes().withName(node).get().getMetadata().getLabels().get("topology.kubernetes.io/zone");
    }

    private static List<PersistentVolumeClaim> claimsOf(AICodeCraftStack stack) {
        return CLUSTER.client().persistentVolumeClaims().inNamespace(stack.getMetadata().getNamespace()).list().getItems();
    }

    private static Map<String, Map<String, String>> secretsOf(AICodeCraftStack stack) {
        return Map.of(
                StackNames.postgresSecret(stack), driver.get(stack, Secret.class, StackNames.postgresSecret(stack)).getData(),
                StackNames.redisSecret(stack), driver.get(stack, Secret.class, StackNames.redisSecret(stack)).getData(),
                StackNames.adminKeySecret(stack), driver.get(stack, Secret.class, StackNames.adminKeySecret(stack)).getData());
    }

    private static String passwordOf(AICodeCraftStack stack) {
        return driver.get(stack, Secret.class, StackNames.postgresSecret(stack)).getData().get(StackNames.POSTGRES_PASSWORD_KEY);
    }

    private static String imageOf(AICodeCraftStack stack) {
        return driver.get(stack, Deployment.class, StackNames.api(stack))
                .getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }
}
