package io.aicodecraft.operator.apiserver;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.StackPhase;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.testing.RealApiServer;
import io.aicodecraft.operator.testing.ReconcileCounter;
import io.aicodecraft.operator.testing.RunningOperator;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The operator with its production options (server-side apply on) against a real kube-apiserver: what it
 * applies is accepted by the real schema validation and admission, owned by the stack, and its status
 * goes through the status subresource. There are no controllers on this tier, so no stack becomes Ready.
 */
class OperatorOnApiServerTest {

    @RegisterExtension
    static final RealApiServer SERVER = new RealApiServer();

    private static RunningOperator operator;
    private static StackDriver driver;

    @BeforeAll
    static void startOperator() {
        operator = RunningOperator.start(SERVER.client(), RunningOperator.NO_POD_NETWORK, new ReconcileCounter());
        driver = new StackDriver(SERVER.client());
    }

    @AfterAll
    static void stopOperator() {
        if (operator != null) {
            operator.close();
        }
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
}
