package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the generated CRD tells the API server and kubectl. */
class CrdSchemaTest {

    private static final CustomResourceDefinition CRD = GeneratedCrd.parsed();
    private static final CustomResourceDefinitionVersion VERSION = CRD.getSpec().getVersions().getFirst();
    private static final JSONSchemaProps SPEC = VERSION.getSchema().getOpenAPIV3Schema().getProperties().get("spec");

    @Test
    void isTheNamespacedV1alpha1ResourceWithShortNameAcsAndStatusSubresource() {
        assertThat(CRD.getMetadata().getName()).isEqualTo("aicodecraftstacks.aicodecraft.io");
        assertThat(CRD.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(CRD.getSpec().getNames().getKind()).isEqualTo("AICodeCraftStack");
        assertThat(CRD.getSpec().getNames().getShortNames()).containsExactly("acs");
        assertThat(VERSION.getName()).isEqualTo("v1alpha1");
        assertThat(VERSION.getSubresources().getStatus()).isNotNull();
    }

    @Test
    void printerColumnsShowPhaseReadyApiReplicasSchemaAndAge() {
        assertThat(VERSION.getAdditionalPrinterColumns())
                .extracting(CustomResourceColumnDefinition::getName, CustomResourceColumnDefinition::getJsonPath)
                .containsExactlyInAnyOrder(
                        tuple("Phase", ".status.phase"),
                        tuple("Ready", ".status.conditions[?(@.type==\"Ready\")].status"),
                        tuple("API Ready", ".status.apiReadyReplicas"),
                        tuple("Schema", ".status.schemaVersion"),
                        tuple("Age", ".metadata.creationTimestamp"));
    }

    @Test
    void postgresAndRedisRequireExactlyOneOfManagedOrExternal() {
        assertThat(rules(at("postgres"))).contains(SpecRules.MANAGED_XOR_EXTERNAL);
        assertThat(rules(at("redis"))).contains(SpecRules.MANAGED_XOR_EXTERNAL);
    }

    @Test
    void poolAndReplicaBoundsAreCelRules() {
        assertThat(rules(at("api", "pools", "database"))).containsExactly(SpecRules.DATABASE_POOL_ORDERED);
        assertThat(rules(at("api", "pools", "redis"))).containsExactly(SpecRules.REDIS_POOL_ORDERED);
        assertThat(rules(at("api", "autoscaling"))).containsExactly(SpecRules.REPLICAS_ORDERED);
        assertThat(rules(at("api", "model"))).containsExactly(SpecRules.OPENAI_NEEDS_ENDPOINT);
        assertThat(rules(at("postgres", "managed"))).containsExactly(SpecRules.MAX_CONNECTIONS_NOT_A_PARAMETER);
    }

    @Test
    void postgresStorageCannotChangeAfterCreationBecauseTheClaimTemplateCannot() {
        assertThat(rules(at("postgres", "managed", "storage"))).containsExactly(SpecRules.STORAGE_UNCHANGED);
        assertThat(at("postgres", "managed", "storage").getDefault().path("size").asText()).isEqualTo("10Gi");
    }

    @Test
    void replicasAndPoolSizesAreAtLeastOne() {
        assertThat(at("api", "replicas").getMinimum()).isEqualTo(1.0);
        assertThat(at("api", "autoscaling", "minReplicas").getMinimum()).isEqualTo(1.0);
        assertThat(at("api", "autoscaling", "maxReplicas").getMinimum()).isEqualTo(1.0);
        assertThat(at("api", "pools", "database", "maxSize").getMinimum()).isEqualTo(1.0);
        assertThat(at("api", "pools", "redis", "maxTotal").getMinimum()).isEqualTo(1.0);
        assertThat(at("postgres", "managed", "maxConnections").getMinimum()).isEqualTo(1.0);
        assertThat(at("postgres", "managed", "maxConnections").getNullable()).isTrue();
    }

    @Test
    void deletionPolicyAndModelProviderAreEnums() {
        assertThat(at("deletionPolicy").getEnum()).extracting(JsonNode::asText).containsExactlyInAnyOrder("Retain", "Delete");
        assertThat(at("deletionPolicy").getDefault().asText()).isEqualTo("Retain");
        assertThat(at("api", "model", "provider").getEnum()).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("template", "openai");
    }

    @Test
    void quantitiesAndDurationsHaveFormats() {
        assertThat(at("postgres", "managed", "storage", "size").getPattern()).isEqualTo(SpecFormats.QUANTITY);
        assertThat(at("redis", "managed", "maxMemory").getPattern()).isEqualTo(SpecFormats.QUANTITY);
        assertThat(at("api", "resources", "requests", "memory").getPattern()).isEqualTo(SpecFormats.QUANTITY);
        assertThat(at("api", "pools", "database", "connectionTimeout").getPattern()).isEqualTo(SpecFormats.DURATION);
        assertThat(at("api", "cache", "ttl").getPattern()).isEqualTo(SpecFormats.DURATION);
    }

    @Test
    void apiImagePostgresAndRedisAreRequired() {
        assertThat(SPEC.getRequired()).containsExactlyInAnyOrder("api", "postgres", "redis");
        assertThat(at("api").getRequired()).containsExactly("image");
    }

    @Test
    void everySpecFieldHasADescriptionForKubectlExplain() {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(SPEC, "spec", undescribed);

        assertThat(SPEC.getDescription()).isNotBlank();
        assertThat(undescribed).isEmpty();
    }

    /**
     * Fields of Kubernetes' own types (a pod's affinity, tolerations, spread constraints), passed to the pods as
     * they are: their insides are documented where the type is, {@code kubectl explain pod.spec.affinity}.
     */
    private static final List<String> KUBERNETES_TYPES = List.of(".scheduling.affinity", ".scheduling.tolerations",
            ".scheduling.topologySpreadConstraints");

    private static void collectUndescribed(JSONSchemaProps schema, String path, List<String> undescribed) {
        Map<String, JSONSchemaProps> properties = schema.getProperties();
        if (properties == null || KUBERNETES_TYPES.stream().anyMatch(path::endsWith)) {
            return;
        }
        properties.forEach((name, property) -> {
            if (property.getDescription() == null || property.getDescription().isBlank()) {
                undescribed.add(path + "." + name);
            }
            collectUndescribed(property, path + "." + name, undescribed);
        });
    }

    private static JSONSchemaProps at(String... path) {
        JSONSchemaProps schema = SPEC;
        for (String name : path) {
            schema = schema.getProperties().get(name);
            assertThat(schema).as("schema of %s", String.join(".", path)).isNotNull();
        }
        return schema;
    }

    private static List<String> rules(JSONSchemaProps schema) {
        return schema.getXKubernetesValidations().stream().map(ValidationRule::getRule).toList();
    }
}
