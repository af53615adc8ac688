package io.aicodecraft.operator.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackSchemaTest {

    @Test
    void everyCelRuleOfTheCrdCompilesAndRunsOffline() throws Exception {
        List<String> rules = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(StackSchema.CRD_RESOURCE)) {
            CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
            collectRules(crd.getSpec().getVersions().getFirst().getSchema().getOpenAPIV3Schema(), rules);
        }

        assertThat(rules).isNotEmpty();
        // an empty object: each rule compiles and runs (an absent field is an evaluation error, which does not hold)
        rules.forEach(rule -> CelRules.holds(rule, JsonNodeFactory.instance.objectNode()));
    }

    private static void collectRules(JSONSchemaProps schema, List<String> rules) {
        if (schema.getXKubernetesValidations() != null) {
            schema.getXKubernetesValidations().stream().map(ValidationRule::getRule).forEach(rules::add);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> collectRules(property, rules));
        }
    }
}
