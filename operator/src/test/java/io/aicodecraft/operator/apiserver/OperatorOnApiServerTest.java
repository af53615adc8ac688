package io.aicodecraft.operator.apiserver;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.StackPhase;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.testing.OperatorOnApiServer;
import io.aicodecraft.operator.testing.RealApiServer;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The operator with its production options (server-side apply on) against a real kube-apiserver: what it
 * applies is accepted by the real schema validation and admission, owned by the stack, and its status
 * goes through the status subresource, and the stack's pods it reads are the reasons of its conditions. There
 * are no controllers or kubelets on this tier, so no stack becomes Ready and the test plays them where needed.
 */
class OperatorOnApiServerTest {

    @RegisterExtension
    static final RealApiServer SERVER = new RealApiServer();

    @RegisterExtension
    static final OperatorOnApiServer OPERATOR = new OperatorOnApiServer(SERVER);

    private static StackDriver driver;

    @BeforeAll
    static void driver() {
        driver = OPERATOR.driver();
    }

    @Test
    void appliesTheStacksObjectsByServerSideApplyOwnedByTheStack() {
        var stack = driver.create(TestStacks.minimal(SERVER.namespace("applied"), "team-a"));

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            assertThat(driver.get(stack, StatefulSet.class, StackNames.postgres(stack))).isNotNull();
            assertThat(driver.get(stack, Service.class, StackNames.postgres(stack))).isNotNull();
        });
        // JOSDK applies workloads and Services by server-side apply; ConfigMaps and Secrets it creates and
        // updates the classic way by default (its defaultNonSSAResources)
        assertThat(driver.get(stack, StatefulSet.class, StackNames.postgres(stack)).getSpec().getTemplate().getSpec()
                .getContainers()).as("no exporter where no Prometheus Operator would scrape it (monitoring is on)")
                .extracting(container -> container.getName()).containsExactly("postgres");
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Deployment.class, StackNames.redis(stack)) != null);
        assertThat(driver.get(stack, Deployment.class, StackNames.redis(stack)).getSpec().getTemplate().getSpec()
                .getContainers()).extracting(container -> container.getName()).containsExactly("redis");
        var applied = List.<HasMetadata>of(
                driver.get(stack, StatefulSet.class, StackNames.postgres(stack)),
                driver.get(stack, Service.class, StackNames.postgres(stack)));
        var owned = List.<HasMetadata>of(applied.get(0), applied.get(1),
                driver.get(stack, ConfigMap.class, StackNames.apiConfig(stack)),
                driver.get(stack, Secret.class, StackNames.redisSecret(stack)));
        String uid = driver.fresh(stack).getMetadata().getUid();
        assertThat(applied).allSatisfy(object -> assertThat(object.getMetadata().getManagedFields())
                .filteredOn(entry -> "Apply".equals(entry.getOperation()))
                .extracting(ManagedFieldsEntry::getManager)
                .as("field managers of %s", object.getMetadata().getName()).containsExactly("aicodecraftstack"));
        assertThat(owned).allSatisfy(object -> {
            assertThat(object.getMetadata().getOwnerReferences()).anySatisfy(owner -> assertThat(owner.getUid()).isEqualTo(uid));
            assertThat(object.getMetadata().getLabels()).containsEntry("aicodecraft.io/stack", "team-a");
        });
    }

    @Test
    void reportsProvisioningForTheCurrentGenerationThroughTheStatusSubresource() {
        var stack = driver.create(TestStacks.minimal(SERVER.namespace("provisioning"), "team-a"));

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            var fresh = driver.fresh(stack);
            assertThat(fresh.getStatus()).isNotNull();
            assertThat(fresh.getStatus().getObservedGeneration()).isEqualTo(fresh.getMetadata().getGeneration());
            assertThat(fresh.getStatus().getPhase()).isEqualTo(StackPhase.Provisioning);
        });
        assertThat(driver.condition(stack, "Ready")).hasValueSatisfying(ready -> {
            assertThat(ready.getStatus()).isEqualTo("False");
            assertThat(ready.getObservedGeneration()).isEqualTo(driver.fresh(stack).getMetadata().getGeneration());
        });
    }

    @Test
    void aStatusWriteOnAStaleVersionIsAConflictAndASpecWriteKeepsTheStatus() {
        var stack = driver.create(TestStacks.minimal(SERVER.namespace("conflict"), "team-a"));
        await().atMost(StackDriver.WAIT).until(() -> driver.status(stack) != null);
        AICodeCraftStack stale = driver.fresh(stack);
        driver.edit(stack, s -> {
            s.getSpec().getApi().setReplicas(3);
            s.setStatus(null); // the main resource ignores status: the subresource keeps it
            return s;
        });

        stale.getStatus().setPhase(StackPhase.Failed);
        assertThatThrownBy(() -> SERVER.client().resource(stale).updateStatus())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(driver.status(stack)).isNotNull();
    }

    @Test
    void aPausedStackGetsNoObjectsOnlyItsPausedStatus() {
        var wanted = TestStacks.minimal(SERVER.namespace("paused"), "team-a");
        wanted.getSpec().setPaused(true);
        var stack = driver.create(wanted);

        await().atMost(StackDriver.WAIT).untilAsserted(() ->
                assertThat(driver.status(stack).getPhase()).isEqualTo(StackPhase.Paused));
        assertThat(SERVER.client().apps().statefulSets().inNamespace("paused").list().getItems()).isEmpty();
        assertThat(SERVER.client().configMaps().inNamespace("paused").list().getItems())
                .noneMatch(cm -> cm.getMetadata().getLabels() != null
                        && cm.getMetadata().getLabels().containsKey("aicodecraft.io/stack"));
        assertThat(SERVER.client().secrets().inNamespace("paused").list().getItems()).isEmpty();
    }

    // A pod that cannot start is the reason of its component's condition, in the kubelet's or the scheduler's
    // words (issue 10 item 7): each pod is created as its controller would, its status written as they report it.

    @Test
    void aPostgresPodThatCannotPullItsImageIsWhyPostgresIsNotReady() {
        var stack = driver.create(TestStacks.minimal(SERVER.namespace("image-pull"), "team-a"));
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, StatefulSet.class, StackNames.postgres(stack)) != null);
        var postgres = driver.get(stack, StatefulSet.class, StackNames.postgres(stack));

        driver.kubelet().pod("image-pull", postgres.getMetadata().getName() + "-0", postgres.getSpec().getTemplate(),
                Map.of(), waiting("postgres", "ImagePullBackOff", "Back-off pulling image \"postgres:17-alpine\""));

        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertCondition(stack, "PostgresReady", "ImagePullBackOff",
                "PostgreSQL StatefulSet team-a-postgres: pod team-a-postgres-0, container postgres: "
                        + "Back-off pulling image \"postgres:17-alpine\""));
    }

    @Test
    void aMigrationPodKilledForMemoryIsWhyTheMigrationIsNotComplete() {
        var stack = driver.create(TestStacks.minimal(SERVER.namespace("oom"), "team-a"));
        driver.postgresReady(stack);
        var job = driver.get(stack, Job.class, driver.awaitJob(stack));
        var status = new PodStatusBuilder(waiting("migrate", "CrashLoopBackOff", "back-off 20s restarting failed container"))
                .editFirstContainerStatus().withNewLastState().withNewTerminated().withReason("OOMKilled")
                .withExitCode(137).endTerminated().endLastState().endContainerStatus()
                .build();

        // the Job controller's label says which Job the pod runs
        driver.kubelet().pod("oom", job.getMetadata().getName() + "-x7k2p", job.getSpec().getTemplate(),
                Map.of("batch.kubernetes.io/job-name", job.getMetadata().getName()), status);

        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertCondition(stack, "MigrationsComplete", "OOMKilled",
                "Migration Job %s for image %s: pod %s-x7k2p, container migrate was killed for going over its memory limit (exit code 137)"
                        .formatted(job.getMetadata().getName(), TestStacks.IMAGE_V1, job.getMetadata().getName())));
    }

    @Test
    void aMigrationThatFoundNoPgvectorIsWhyPostgresSaysSemanticSearchIsOff() {
        var stack = driver.create(TestStacks.minimal(SERVER.namespace("no-pgvector"), "team-a"));
        driver.postgresReady(stack);
        var job = driver.get(stack, Job.class, driver.awaitJob(stack));
        // what api-app's migrate wrote to its termination message file on a server without pgvector
        var status = new PodStatusBuilder().withPhase("Succeeded")
                .addToContainerStatuses(new ContainerStatusBuilder().withName("migrate").withReady(false)
                        .withRestartCount(0).withImage("unused").withImageID("")
                        .withNewState().withNewTerminated().withExitCode(0).withReason("Completed")
                        .withMessage("{\"schemaVersion\":\"8\",\"pgvector\":null}\n").endTerminated().endState()
                        .build())
                .build();
        driver.kubelet().pod("no-pgvector", job.getMetadata().getName() + "-d4t9z", job.getSpec().getTemplate(),
                Map.of("batch.kubernetes.io/job-name", job.getMetadata().getName()), status);

        driver.migrate(stack);

        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertThat(driver.condition(stack, "PostgresReady"))
                .hasValueSatisfying(c -> {
                    assertThat(c.getStatus()).isEqualTo("True");
                    assertThat(c.getReason()).isEqualTo("PgvectorMissing");
                    assertThat(c.getMessage()).startsWith("StatefulSet team-a-postgres is ready; the database has no pgvector")
                            .endsWith("delete the migration Job " + job.getMetadata().getName()
                                    + " so that it runs again and turns semantic search on");
                }));
    }

    @Test
    void anApiPodNoNodeCanTakeIsWhyTheApiIsNotReady() {
        var stack = driver.create(TestStacks.minimal(SERVER.namespace("unschedulable"), "team-a"));
        driver.postgresReady(stack);
        driver.migrate(stack);
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Deployment.class, StackNames.redis(stack)) != null);
        driver.kubelet().deploymentAvailable("unschedulable", StackNames.redis(stack));
        await().atMost(StackDriver.WAIT).until(() -> driver.get(stack, Deployment.class, StackNames.api(stack)) != null);
        var api = driver.get(stack, Deployment.class, StackNames.api(stack));

        driver.kubelet().pod("unschedulable", "team-a-api-5d8f9c7b6-q2w4e", api.getSpec().getTemplate(), Map.of(),
                new PodStatusBuilder().withPhase("Pending").addToConditions(new PodConditionBuilder()
                        .withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                        .withMessage("0/3 nodes are available: 3 Insufficient memory.").build()).build());

        await().atMost(StackDriver.WAIT).untilAsserted(() -> assertCondition(stack, "ApiReady", "Unschedulable",
                "API Deployment team-a-api: pod team-a-api-5d8f9c7b6-q2w4e cannot be scheduled: "
                        + "0/3 nodes are available: 3 Insufficient memory."));
    }

    private static PodStatus waiting(String container, String reason, String message) {
        return new PodStatusBuilder().withPhase("Pending")
                .addToContainerStatuses(new ContainerStatusBuilder().withName(container).withReady(false)
                        .withRestartCount(0).withImage("unused").withImageID("")
                        .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState()
                        .build())
                .build();
    }

    private static void assertCondition(AICodeCraftStack stack, String type, String reason, String message) {
        assertThat(driver.condition(stack, type)).hasValueSatisfying(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo(reason);
            assertThat(c.getMessage()).isEqualTo(message);
        });
    }
}
