package io.aicodecraft.operator.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.GeneratedCrd;
import io.aicodecraft.operator.crd.StackPhase;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.testing.RealApiServer;
import io.aicodecraft.operator.testing.ReconcileCounter;
import io.aicodecraft.operator.testing.RunningOperator;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A CRD that enforces less than the operator's (older, newer or edited by hand, as clusters have them) lets
 * through stacks the operator cannot build: each of them is refused alone with a condition that names the
 * field, and every other stack keeps being reconciled (issue 10 items 3 and 4). A field of a newer CRD is ignored.
 */
class UnreadableStackOnApiServerTest {

    // what such a CRD lacks: enums, bounds and CEL rules
    private static final Set<String> NOT_ENFORCED = Set.of("enum", "minimum", "maximum", "x-kubernetes-validations");

    @RegisterExtension
    static final RealApiServer SERVER = new RealApiServer();

    private static RunningOperator operator;
    private static StackDriver driver;

    @BeforeAll
    static void installALaxCrdAndStartTheOperator() {
        JsonNode crd = Serialization.jsonMapper().valueToTree(GeneratedCrd.parsed());
        strip(crd);
        // and keeps the fields of a newer version
        ((ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec"))
                .put("x-kubernetes-preserve-unknown-fields", true);
        SERVER.client().resource(Serialization.jsonMapper().convertValue(crd, CustomResourceDefinition.class))
                .forceConflicts().serverSideApply();
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
    void aStackWithValuesTheOperatorCannotReadIsRefusedAloneAndTheOthersGoOn() {
        SERVER.namespace("bad-values");
        SERVER.namespace("good-values");
        var unreadable = create("bad-values", "team-a", """
                  deletionPolicy: Destroy
                  api:
                    image: %s
                  postgres:
                    managed: {}
                  redis:
                    managed:
                      maxMemoryPolicy: bogus-policy
                """.formatted(TestStacks.IMAGE_V1));
        var tooFew = TestStacks.minimal("bad-values", "team-b");
        tooFew.getSpec().getApi().setReplicas(-1);
        var negative = driver.create(tooFew);
        var longName = driver.create(TestStacks.minimal("bad-values", "team-" + "e".repeat(45)));
        var good = create("good-values", "team-c", """
                  futureField: from a newer CRD
                  api:
                    image: %s
                  postgres:
                    managed: {}
                  redis:
                    managed: {}
                """.formatted(TestStacks.IMAGE_V1));

        await().atMost(StackDriver.WAIT).untilAsserted(() -> {
            assertThat(driver.get(good, StatefulSet.class, StackNames.postgres(good))).isNotNull();
            assertThat(driver.status(unreadable).getPhase()).isEqualTo(StackPhase.Failed);
            assertThat(driver.status(negative).getPhase()).isEqualTo(StackPhase.Failed);
            assertThat(driver.status(longName).getPhase()).isEqualTo(StackPhase.Failed);
        });
        assertThat(driver.condition(unreadable, "Ready")).hasValueSatisfying(ready -> {
            assertThat(ready.getReason()).isEqualTo("InvalidSpec");
            assertThat(ready.getMessage()).contains("spec.deletionPolicy").contains("Retain, Delete")
                    .contains("spec.redis.managed.maxMemoryPolicy");
        });
        assertThat(driver.condition(negative, "Ready")).hasValueSatisfying(ready ->
                assertThat(ready.getMessage()).contains("spec.api.replicas"));
        assertThat(driver.condition(longName, "Ready")).hasValueSatisfying(ready ->
                assertThat(ready.getMessage()).contains("metadata.name: 50 characters"));
        assertThat(SERVER.client().apps().statefulSets().inNamespace("bad-values").list().getItems()).isEmpty();

        // the operator is still there for a stack that comes after them
        var later = driver.create(TestStacks.minimal("good-values", "team-d"));
        await().atMost(StackDriver.WAIT).untilAsserted(() ->
                assertThat(driver.get(later, StatefulSet.class, StackNames.postgres(later))).isNotNull());
    }

    private static AICodeCraftStack create(String namespace, String name, String spec) {
        SERVER.client().resource(Serialization.unmarshal(TestStacks.yaml(namespace, name, spec),
                GenericKubernetesResource.class)).create();
        var stack = new AICodeCraftStack();
        stack.getMetadata().setNamespace(namespace);
        stack.getMetadata().setName(name);
        return stack;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.copyOf(NOT_ENFORCED));
        }
        node.forEach(UnreadableStackOnApiServerTest::strip);
    }
}
