package io.aicodecraft.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.AICodeCraftStackStatus;
import io.aicodecraft.operator.crd.DeletionPolicy;
import io.aicodecraft.operator.crd.ResourceAmounts;
import io.aicodecraft.operator.crd.StackPhase;
import io.aicodecraft.operator.model.ConfigHash;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.testing.MockCluster;
import io.aicodecraft.operator.testing.ReadyEndpoint;
import io.aicodecraft.operator.testing.ReconcileCounter;
import io.aicodecraft.operator.testing.RunningOperator;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reconcile flow of DESIGN.md section 4 against the fabric8 mock API server in CRUD mode, the
 * test playing the kubelet. Each test has a namespace of its own; one operator serves them all.
 */
class StackLifecycleTest {

    private static final Duration WAIT = StackDriver.WAIT;
    /** The namespace whose API answers its readiness probe with 503. */
    private static final String UNHEALTHY = "unhealthy";

    private static MockCluster cluster;
    private static ReadyEndpoint healthyApi;
    private static ReadyEndpoint unhealthyApi;
    private static ReconcileCounter reconciles;
    private static RunningOperator operator;
    private static KubernetesClient client;
    private static StackDriver driver;

    @BeforeAll
    static void startOperator() {
        cluster = new MockCluster();
        client = cluster.client();
        driver = new StackDriver(client);
        healthyApi = new ReadyEndpoint();
        unhealthyApi = new ReadyEndpoint();
        unhealthyApi.answer(503, "{\"status\":\"down\",\"checks\":{\"postgres\":{\"status\":\"down\"}}}");
        reconciles = new ReconcileCounter();
        operator = startOperator(reconciles);
    }

    @AfterAll
    static void stopOperator() {
        operator.close();
        healthyApi.close();
        unhealthyApi.close();
        cluster.close();
    }

    @Test
    void aNewStackGetsSecretsConfigAndPostgresButNoApiYet() {
        var stack = driver.create(TestStacks.minimal("created", "team-a"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(driver.get(stack, Secret.class, StackNames.postgresSecret(stack))).isNotNull();
            assertThat(driver.get(stack, Secret.class, StackNames.redisSecret(stack))).isNotNull();
            assertThat(driver.get(stack, Secret.class, StackNames.adminKeySecret(stack))).isNotNull();
            assertThat(driver.get(stack, ConfigMap.class, StackNames.apiConfig(stack))).isNotNull();
            assertThat(driver.get(stack, StatefulSet.class, StackNames.postgres(stack))).isNotNull();
            assertThat(driver.condition(stack, "PostgresReady")).hasValueSatisfying(c ->
                    assertThat(c.getReason()).isEqualTo("PostgresStarting"));
        });
        assertThat(client.batch().v1().jobs().inNamespace("created").list().getItems()).isEmpty();
        assertThat(driver.get(stack, Deployment.class, StackNames.api(stack))).isNull();
        assertThat(driver.status(stack).getPhase()).isEqualTo(StackPhase.Provisioning);
        assertThat(driver.get(stack, StatefulSet.class, StackNames.postgres(stack)).getMetadata().getOwnerReferences())
                .singleElement().satisfies(owner -> assertThat(owner.getName()).isEqualTo("team-a"));
    }

    @Test
    void readyPostgresStartsTheMigrationJob() {
        var stack = driver.create(TestStacks.minimal("migrating", "team-a"));
        await().atMost(WAIT).until(() -> driver.get(stack, StatefulSet.class, StackNames.postgres(stack)) != null);

        driver.kubelet().statefulSetReady("migrating", StackNames.postgres(stack));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(driver.get(stack, Job.class, StackNames.migrationJob(stack))).isNotNull();
            assertThat(driver.condition(stack, "MigrationsComplete")).hasValueSatisfying(c -> {
                assertThat(c.getStatus()).isEqualTo("False");
                assertThat(c.getReason()).isEqualTo("MigrationRunning");
            });
            assertThat(driver.status(stack).getPhase()).isEqualTo(StackPhase.Migrating);
        });
        assertThat(driver.get(stack, Deployment.class, StackNames.api(stack))).isNull();
    }

    @Test
    void theApiIsRolledOutOnlyOnceTheMigrationSucceededAndRedisIsReady() {
        var stack = driver.create(TestStacks.minimal("rollout", "team-a"));
        driver.postgresReady(stack);
        String job = driver.awaitJob(stack);

        driver.kubelet().jobSucceeded("rollout", job);
        await().atMost(WAIT).untilAsserted(() -> assertThat(driver.condition(stack, "MigrationsComplete"))
                .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True")));
        driver.kubelet().jobSucceeded("rollout", driver.awaitGrant(stack));
        assertThat(driver.get(stack, Deployment.class, StackNames.api(stack))).isNull();
        assertThat(driver.condition(stack, "ApiReady")).hasValueSatisfying(c ->
                assertThat(c.getMessage()).contains("Redis"));

        driver.kubelet().deploymentAvailable("rollout", StackNames.redis(stack));
        await().atMost(WAIT).untilAsserted(() -> {
            Deployment api = driver.get(stack, Deployment.class, StackNames.api(stack));
            assertThat(api).isNotNull();
            assertThat(api.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                    .isEqualTo(TestStacks.IMAGE_V1);
        });
    }

    @Test
    void theStatusCountsTheApiPodsThatAreReadyNotTheSpecsReplicas() {
        var stack = driver.create(TestStacks.minimal("ready-pods", "team-a"));
        driver.postgresReady(stack);
        driver.migrate(stack);
        driver.kubelet().deploymentAvailable("ready-pods", StackNames.redis(stack));
        await().atMost(WAIT).until(() -> driver.get(stack, Deployment.class, StackNames.api(stack)) != null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(driver.status(stack).getApiReadyReplicas()).isZero());

        driver.kubelet().deploymentAvailable("ready-pods", StackNames.api(stack));

        await().atMost(WAIT).untilAsserted(() -> assertThat(driver.status(stack).getApiReadyReplicas()).isEqualTo(2));
    }

    @Test
    void anAvailableApiMakesTheStackReadyForItsGeneration() {
        var stack = driver.bringToReady(TestStacks.minimal("ready", "team-a"));

        AICodeCraftStackStatus status = driver.status(stack);
        assertThat(status.getPhase()).isEqualTo(StackPhase.Ready);
        assertThat(status.getObservedGeneration()).isEqualTo(driver.fresh(stack).getMetadata().getGeneration());
        assertThat(status.getConditions()).extracting(Condition::getType).containsExactlyInAnyOrder(
                "PostgresReady", "RedisReady", "PoolsConfigured", "MigrationsComplete", "ApiReady", "Ready");
        assertThat(status.getConditions()).allSatisfy(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getObservedGeneration()).isEqualTo(status.getObservedGeneration());
            assertThat(c.getLastTransitionTime()).isNotBlank();
        });
        assertThat(status.getEndpoints().getApi()).isEqualTo("http://team-a-api.ready.svc:8080");
        assertThat(status.getPools().getApiPodsMax()).isEqualTo(2);
        assertThat(status.getPools().getPostgresMaxConnections()).isGreaterThanOrEqualTo(2 * 10 + 5);
        assertThat(status.getSchemaVersion()).isEqualTo("0.1.0");
        assertThat(client.v1().events().inNamespace("ready").list().getItems())
                .extracting(e -> e.getReason())
                .contains("PostgresReady", "MigrationSucceeded", "ApiAvailable", "StackReady")
                .doesNotContain("PostgresStarting", "MigrationRunning");
    }

    @Test
    void aSpecChangeUpdatesTheDeploymentAndRollsItsConfigHash() {
        var stack = driver.bringToReady(TestStacks.minimal("changed", "team-a"));
        String hashBefore = configHash(driver.get(stack, Deployment.class, StackNames.api(stack)));

        var changed = driver.edit(stack, s -> {
            s.getSpec().getApi().getRateLimit().setRequestsPerMinute(600);
            var requests = new ResourceAmounts();
            requests.setCpu("500m");
            s.getSpec().getApi().getResources().setRequests(requests);
            return s;
        });

        // until the update lands the container has no resources at all: an NPE there means "not yet"
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            Deployment api = driver.get(stack, Deployment.class, StackNames.api(stack));
            assertThat(api.getSpec().getTemplate().getSpec().getContainers().getFirst().getResources().getRequests())
                    .containsEntry("cpu", new Quantity("500m"));
            assertThat(configHash(api)).isNotEqualTo(hashBefore)
                    .isEqualTo(ConfigHash.of(driver.get(stack, ConfigMap.class, StackNames.apiConfig(stack))));
            assertThat(driver.get(stack, ConfigMap.class, StackNames.apiConfig(stack)).getData())
                    .containsEntry("AICC_RATE_LIMIT_PER_MINUTE", "600");
            assertThat(driver.condition(stack, "Ready")).hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("False"));
        });

        driver.kubelet().deploymentAvailable("changed", StackNames.api(stack));
        await().atMost(WAIT).untilAsserted(() -> assertThat(driver.condition(stack, "Ready")).hasValueSatisfying(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getObservedGeneration()).isEqualTo(changed.getMetadata().getGeneration());
        }));
    }

    @Test
    void aNewImageIsMigratedBeforeTheApiRollsToIt() {
        var stack = driver.bringToReady(TestStacks.minimal("upgrade", "team-a"));
        String oldJob = StackNames.migrationJob(stack);

        var upgraded = driver.edit(stack, s -> {
            s.getSpec().getApi().setImage(TestStacks.IMAGE_V2);
            return s;
        });
        String newJob = driver.awaitJob(upgraded);
        assertThat(newJob).isNotEqualTo(oldJob);
        assertThat(apiImage(stack)).isEqualTo(TestStacks.IMAGE_V1);

        driver.kubelet().jobSucceeded("upgrade", newJob);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(apiImage(stack)).isEqualTo(TestStacks.IMAGE_V2);
            assertThat(driver.get(stack, Job.class, oldJob)).isNull();
        });
        driver.kubelet().deploymentAvailable("upgrade", StackNames.api(stack));
        await().atMost(WAIT).untilAsserted(() -> assertThat(driver.status(stack).getSchemaVersion()).isEqualTo("0.2.0"));
    }

    @Test
    void aNewImageWhoseMigrationFailsLeavesTheOldDeploymentServing() {
        var stack = driver.bringToReady(TestStacks.minimal("failed", "team-a"));
        Deployment before = driver.get(stack, Deployment.class, StackNames.api(stack));

        var upgraded = driver.edit(stack, s -> {
            s.getSpec().getApi().setImage(TestStacks.IMAGE_V2);
            return s;
        });
        String newJob = driver.awaitJob(upgraded);
        driver.kubelet().jobFailed("failed", newJob, "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(driver.condition(stack, "MigrationsComplete")).hasValueSatisfying(c -> {
                assertThat(c.getStatus()).isEqualTo("False");
                assertThat(c.getReason()).isEqualTo("MigrationFailed");
                assertThat(c.getMessage()).contains(newJob, "BackoffLimitExceeded",
                        "Job has reached the specified backoff limit");
            });
            assertThat(driver.status(stack).getPhase()).isEqualTo(StackPhase.Failed);
        });
        Deployment after = driver.get(stack, Deployment.class, StackNames.api(stack));
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
        assertThat(apiImage(stack)).isEqualTo(TestStacks.IMAGE_V1);
        assertThat(driver.condition(stack, "ApiReady")).hasValueSatisfying(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getMessage()).contains("serves image " + TestStacks.IMAGE_V1);
        });
        assertThat(driver.status(stack).getSchemaVersion()).isEqualTo("0.1.0");
        assertThat(client.v1().events().inNamespace("failed").list().getItems())
                .anySatisfy(e -> {
                    assertThat(e.getType()).isEqualTo("Warning");
                    assertThat(e.getReason()).isEqualTo("MigrationFailed");
                });
    }

    @Test
    void aTooSmallPoolPlanIsRejectedAndNothingOfTheApiIsRolledOut() {
        var stack = driver.create(TestStacks.tooSmallMaxConnections("pools", "team-a"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(driver.condition(stack, "PoolsConfigured")).hasValueSatisfying(c -> {
                assertThat(c.getStatus()).isEqualTo("False");
                assertThat(c.getReason()).isEqualTo("PoolPlanRejected");
                assertThat(c.getMessage()).contains("65", "20");
            });
            assertThat(driver.status(stack).getPhase()).isEqualTo(StackPhase.Failed);
        });
        driver.postgresReady(stack);
        awaitAnotherReconcile(stack);
        assertThat(driver.get(stack, ConfigMap.class, StackNames.apiConfig(stack))).isNull();
        assertThat(driver.get(stack, Job.class, StackNames.migrationJob(stack))).isNull();
        assertThat(driver.get(stack, Deployment.class, StackNames.api(stack))).isNull();
    }

    @Test
    void aRejectedPoolPlanLeavesPostgresAtWhatTheRunningPoolsNeed() {
        var stack = driver.bringToReady(TestStacks.minimal("rejected", "team-a"));
        assertThat(maxConnectionsArgument(stack)).isEqualTo("max_connections=30");

        // 3 pods x 10 + 5 need 35; fixing 20 is refused, and must not take PostgreSQL below the 25 the 2 pods use
        driver.edit(stack, s -> {
            s.getSpec().getApi().setReplicas(3);
            s.getSpec().getPostgres().getManaged().setMaxConnections(20);
            return s;
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(driver.condition(stack, "PoolsConfigured"))
                .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo("PoolPlanRejected")));
        awaitAnotherReconcile(stack);

        assertThat(maxConnectionsArgument(stack)).isEqualTo("max_connections=30");
    }

    private static String maxConnectionsArgument(AICodeCraftStack stack) {
        return driver.get(stack, StatefulSet.class, StackNames.postgres(stack)).getSpec().getTemplate().getSpec()
                .getContainers().getFirst().getArgs().stream().filter(arg -> arg.startsWith("max_connections="))
                .findFirst().orElseThrow();
    }

    @Test
    void aPausedStackGetsNoWritesButItsPausedCondition() {
        var stack = driver.bringToReady(TestStacks.minimal("paused", "team-a"));
        driver.edit(stack, s -> {
            s.getSpec().setPaused(true);
            return s;
        });
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(driver.condition(stack, "Paused")).hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True"));
            assertThat(driver.status(stack).getPhase()).isEqualTo(StackPhase.Paused);
        });
        int mark = cluster.writeMark();

        driver.edit(stack, s -> {
            s.getSpec().getApi().setReplicas(5);
            s.getSpec().getApi().setImage(TestStacks.IMAGE_V2);
            return s;
        });
        awaitAnotherReconcile(stack);

        // the Paused condition records the generation it saw; nothing else is written
        assertThat(writesByOperator("paused", mark))
                .allMatch(w -> w.equals("PATCH /apis/aicodecraft.io/v1alpha1/namespaces/paused/aicodecraftstacks/team-a/status"));
        assertThat(driver.get(stack, Deployment.class, StackNames.api(stack)).getSpec().getReplicas()).isEqualTo(2);
        assertThat(driver.get(stack, Job.class, StackNames.migrationJob(driver.fresh(stack)))).isNull();
    }

    @Test
    void aSecondReconcileOfAnUnchangedStackSendsNoWrite() {
        var stack = driver.bringToReady(TestStacks.minimal("settled", "team-a"));
        awaitAnotherReconcile(stack);
        int mark = cluster.writeMark();

        awaitAnotherReconcile(stack);
        awaitAnotherReconcile(stack);

        assertThat(writesByOperator("settled", mark)).isEmpty();
    }

    @Test
    void anApiFailingItsReadinessProbeIsNotReady() {
        var stack = driver.create(TestStacks.minimal(UNHEALTHY, "team-a"));
        driver.postgresReady(stack);
        driver.migrate(stack);
        driver.kubelet().deploymentAvailable(UNHEALTHY, StackNames.redis(stack));
        await().atMost(WAIT).until(() -> driver.get(stack, Deployment.class, StackNames.api(stack)) != null);

        driver.kubelet().deploymentAvailable(UNHEALTHY, StackNames.api(stack));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(driver.condition(stack, "ApiReady")).hasValueSatisfying(c -> {
                assertThat(c.getStatus()).isEqualTo("False");
                assertThat(c.getReason()).isEqualTo("ApiProbeFailed");
                assertThat(c.getMessage()).contains("/health/ready", "503");
            });
            assertThat(driver.condition(stack, "Ready")).hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("False"));
            assertThat(driver.status(stack).getPhase()).isEqualTo(StackPhase.Degraded);
        });
    }

    @Test
    void anOperatorRestartKeepsEveryGeneratedSecretValue() {
        var stack = driver.create(TestStacks.minimal("restart", "team-a"));
        List<String> names = List.of(StackNames.postgresSecret(stack), StackNames.redisSecret(stack),
                StackNames.adminKeySecret(stack));
        await().atMost(WAIT).until(() -> names.stream().allMatch(n -> driver.get(stack, Secret.class, n) != null));
        Map<String, Map<String, String>> before = secretData(stack, names);

        operator.close();
        var restartedReconciles = new ReconcileCounter();
        operator = startOperator(restartedReconciles);
        await().atMost(WAIT).until(() -> restartedReconciles.finished("restart", "team-a") >= 1);
        driver.postgresReady(stack);
        await().atMost(WAIT).until(() -> restartedReconciles.finished("restart", "team-a") >= 2);

        assertThat(secretData(stack, names)).isEqualTo(before);
        reconciles = restartedReconciles;
    }

    @Test
    void underRetainThePostgresCredentialsOutliveTheStackAndServeItsSuccessor() {
        var first = driver.create(TestStacks.minimal("retained", "team-a"));
        String name = StackNames.postgresSecret(first);
        await().atMost(WAIT).until(() -> driver.get(first, Secret.class, name) != null
                && driver.get(first, Secret.class, StackNames.redisSecret(first)) != null);
        Secret kept = driver.get(first, Secret.class, name);
        assertThat(kept.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(driver.get(first, Secret.class, StackNames.redisSecret(first)).getMetadata().getOwnerReferences())
                .singleElement().satisfies(owner -> assertThat(owner.getUid()).isEqualTo(first.getMetadata().getUid()));

        client.resource(first).delete();
        collectGarbage("retained", first.getMetadata().getUid());
        assertThat(driver.get(first, Secret.class, name)).isNotNull();

        var second = driver.create(TestStacks.minimal("retained", "team-a"));
        await().atMost(WAIT).until(() -> driver.get(second, StatefulSet.class, StackNames.postgres(second)) != null);
        awaitAnotherReconcile(second);
        assertThat(driver.get(second, Secret.class, name).getData()).isEqualTo(kept.getData());
    }

    @Test
    void theDeletionPolicyMovesOnlyTheOwnerReferenceOfEveryKeptObject() {
        var wanted = TestStacks.minimal("policy", "team-a");
        wanted.getSpec().getRedis().getManaged().getPersistence().setEnabled(true);
        var stack = driver.create(wanted);
        String secret = StackNames.postgresSecret(stack);
        String claim = StackNames.redisData(stack);
        await().atMost(WAIT).until(() -> driver.get(stack, Secret.class, secret) != null
                && driver.get(stack, PersistentVolumeClaim.class, claim) != null);
        Map<String, String> value = driver.get(stack, Secret.class, secret).getData();

        driver.edit(stack, s -> {
            s.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
            return s;
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(List.of(
                        driver.get(stack, Secret.class, secret), driver.get(stack, PersistentVolumeClaim.class, claim)))
                .allSatisfy(kept -> assertThat(kept.getMetadata().getOwnerReferences()).singleElement()
                        .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(stack.getMetadata().getUid()))));

        driver.edit(stack, s -> {
            s.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
            return s;
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(List.of(
                        driver.get(stack, Secret.class, secret), driver.get(stack, PersistentVolumeClaim.class, claim)))
                .allSatisfy(kept -> assertThat(kept.getMetadata().getOwnerReferences()).isEmpty()));
        assertThat(driver.get(stack, Secret.class, secret).getData()).isEqualTo(value);
    }

    // --- the test's own kubelet steps and reads ---

    private static RunningOperator startOperator(ReconcileCounter counter) {
        return RunningOperator.start(cluster, (service, port) ->
                UNHEALTHY.equals(service.getMetadata().getNamespace()) ? unhealthyApi.baseUri() : healthyApi.baseUri(),
                counter);
    }

    /** Waits until the operator has finished a reconcile of the stack that began after this call. */
    private static void awaitAnotherReconcile(AICodeCraftStack stack) {
        String namespace = stack.getMetadata().getNamespace();
        String name = stack.getMetadata().getName();
        long seen = reconciles.finished(namespace, name);
        // two more: the first may have started before this call
        await().atMost(WAIT).until(() -> reconciles.finished(namespace, name) >= seen + 2);
    }

    /** The writes in the namespace since {@code mark}, without the test's own edits of the stack's spec. */
    private static List<String> writesByOperator(String namespace, int mark) {
        return cluster.writesSince(mark).stream()
                .filter(w -> w.contains("/namespaces/" + namespace + "/"))
                .filter(w -> !w.matches("(PUT|PATCH) .*/aicodecraftstacks/[^/]+"))
                .toList();
    }

    private static String apiImage(AICodeCraftStack stack) {
        return driver.get(stack, Deployment.class, StackNames.api(stack)).getSpec().getTemplate().getSpec()
                .getContainers().getFirst().getImage();
    }

    private static String configHash(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getAnnotations().get(ConfigHash.ANNOTATION);
    }

    /** What Kubernetes' garbage collector does once a stack is gone (the mock server has none). */
    private static void collectGarbage(String namespace, String ownerUid) {
        for (var kind : List.of(Secret.class, ConfigMap.class, StatefulSet.class, Deployment.class, Job.class,
                Service.class)) {
            client.resources(kind).inNamespace(namespace).list().getItems().stream()
                    .filter(object -> object.getMetadata().getOwnerReferences().stream()
                            .anyMatch(owner -> ownerUid.equals(owner.getUid())))
                    .forEach(object -> client.resource(object).delete());
        }
    }

    private static Map<String, Map<String, String>> secretData(AICodeCraftStack stack, List<String> names) {
        return names.stream().collect(Collectors.toMap(n -> n,
                n -> driver.get(stack, Secret.class, n).getData()));
    }
}
