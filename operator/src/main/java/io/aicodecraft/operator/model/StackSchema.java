package io.aicodecraft.operator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The generated CRD's schema for {@code spec}, applied offline the way the API server applies it:
 * defaults first, then types, required fields, unknown fields, bounds, patterns, enums, and the CRD's own CEL rules
 * evaluated by cel-java ({@link CelRules}).
 */
public final class StackSchema {

    /** Where the fabric8 CRD generator puts the CRD among the classes, in the build and in the jar. */
    public static final String CRD_RESOURCE = "META-INF/fabric8/aicodecraftstacks.aicodecraft.io-v1.yml";

    private final JSONSchemaProps spec;

    private StackSchema(JSONSchemaProps spec) {
        this.spec = spec;
    }

    /** The generated CRD's schema, read from the classpath once for render and the reconciler alike. */
    public static StackSchema generated() {
        return Generated.SCHEMA;
    }

    private static final class Generated {
        private static final StackSchema SCHEMA = load();
    }

    private static StackSchema load() {
        try (InputStream in = StackSchema.class.getClassLoader().getResourceAsStream(CRD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CRD_RESOURCE + " is missing from the classpath: was the CRD generated?");
            }
            CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
            return new StackSchema(crd.getSpec().getVersions().getFirst().getSchema().getOpenAPIV3Schema()
                    .getProperties().get("spec"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills in the schema's defaults in place and returns every violation, each prefixed with its path. */
    public List<String> defaultAndValidate(ObjectNode specNode) {
        List<String> problems = new ArrayList<>();
        check(specNode, spec, "spec", problems);
        return problems;
    }

    private static void check(JsonNode node, JSONSchemaProps schema, String path, List<String> problems) {
        if (node.isNull()) {
            if (!Boolean.TRUE.equals(schema.getNullable())) {
                problems.add(path + ": must not be null");
            }
            return;
        }
        switch (schema.getType()) {
            case "object" -> checkObject(node, schema, path, problems);
            case "array" -> checkArray(node, schema, path, problems);
            case "integer" -> checkInteger(node, schema, path, problems);
            case "string" -> checkString(node, schema, path, problems);
            case "boolean" -> {
                if (!node.isBoolean()) {
                    problems.add(path + ": must be true or false");
                }
            }
            default -> throw new IllegalStateException("schema type " + schema.getType() + " at " + path);
        }
    }

    private static void checkObject(JsonNode node, JSONSchemaProps schema, String path, List<String> problems) {
        if (!(node instanceof ObjectNode object)) {
            problems.add(path + ": must be an object");
            return;
        }
        Map<String, JSONSchemaProps> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        // the API server prunes nulls of non-nullable fields before defaulting, rather than rejecting them
        properties.forEach((name, property) -> {
            if (object.has(name) && object.get(name).isNull() && !Boolean.TRUE.equals(property.getNullable())) {
                object.remove(name);
            }
        });
        properties.forEach((name, property) -> {
            if (!object.has(name) && property.getDefault() != null) {
                object.set(name, property.getDefault().deepCopy());
            }
        });
        if (schema.getRequired() != null) {
            for (String name : schema.getRequired()) {
                if (!object.hasNonNull(name)) {
                    problems.add(path + "." + name + ": required");
                }
            }
        }
        JSONSchemaProps additional = schema.getAdditionalProperties() == null ? null
                : schema.getAdditionalProperties().getSchema();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JSONSchemaProps property = properties.getOrDefault(field.getKey(), additional);
            if (property == null) {
                problems.add(path + "." + field.getKey() + ": unknown field");
            } else {
                check(field.getValue(), property, path + "." + field.getKey(), problems);
            }
        }
        if (schema.getXKubernetesValidations() != null) {
            for (ValidationRule rule : schema.getXKubernetesValidations()) {
                if (!CelRules.holds(rule.getRule(), object)) {
                    problems.add(path + ": " + rule.getMessage());
                }
            }
        }
    }

    private static void checkArray(JsonNode node, JSONSchemaProps schema, String path, List<String> problems) {
        if (!node.isArray()) {
            problems.add(path + ": must be a list");
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            check(node.get(i), schema.getItems().getSchema(), path + "[" + i + "]", problems);
        }
    }

    private static void checkInteger(JsonNode node, JSONSchemaProps schema, String path, List<String> problems) {
        if (!node.isIntegralNumber()) {
            problems.add(path + ": must be a whole number");
            return;
        }
        if (schema.getMinimum() != null && node.asDouble() < schema.getMinimum()) {
            problems.add(path + ": must be at least " + schema.getMinimum().longValue() + ", was " + node.asText());
        }
        if (schema.getMaximum() != null && node.asDouble() > schema.getMaximum()) {
            problems.add(path + ": must be at most " + schema.getMaximum().longValue() + ", was " + node.asText());
        }
    }

    private static void checkString(JsonNode node, JSONSchemaProps schema, String path, List<String> problems) {
        if (!node.isTextual()) {
            problems.add(path + ": must be a string");
            return;
        }
        String value = node.asText();
        if (schema.getPattern() != null && !Pattern.compile(schema.getPattern()).matcher(value).find()) {
            problems.add(path + ": '" + value + "' does not match " + schema.getPattern());
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty() && schema.getEnum().stream().noneMatch(allowed -> allowed.asText().equals(value))) {
            problems.add(path + ": '" + value + "' is not one of "
                    + schema.getEnum().stream().map(JsonNode::asText).toList());
        }
    }
}
