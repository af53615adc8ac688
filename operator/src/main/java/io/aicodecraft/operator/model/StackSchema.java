package io.aicodecraft.operator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
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

/**
 * The generated CRD's schema for {@code spec}, applied offline the way the API server applies it: first what the API
 * server does to an object (prune nulls of fields that are not nullable, fill in defaults), then the schema itself
 * by a JSON Schema validator (networknt, over the {@code openAPIV3Schema} as draft 4 with {@code nullable} and
 * structural no-unknown-fields), then the CRD's own CEL rules by cel-java ({@link CelRules}). Every problem is
 * reported, each prefixed with its path.
 */
public final class StackSchema {

    /** Where the fabric8 CRD generator puts the CRD among the classes, in the build and in the jar. */
    public static final String CRD_RESOURCE = "META-INF/fabric8/aicodecraftstacks.aicodecraft.io-v1.yml";

    private final JSONSchemaProps spec;
    private final Schema validator;

    private StackSchema(JSONSchemaProps spec) {
        this.spec = spec;
        this.validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(jsonSchema(Serialization.jsonMapper().valueToTree(spec)));
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
        prepare(specNode, spec);
        List<String> problems = new ArrayList<>();
        List<String> invalidPaths = new ArrayList<>();
        for (Error error : validator.validate(specNode)) {
            String path = path(error.getInstanceLocation());
            invalidPaths.add(path);
            problems.add(describe(path, error));
        }
        checkRules(specNode, spec, "spec", invalidPaths, problems);
        return problems;
    }

    /** As the API server before validation: nulls of fields that are not nullable are pruned, defaults filled in. */
    private static void prepare(JsonNode node, JSONSchemaProps schema) {
        if (node instanceof ObjectNode object && "object".equals(schema.getType())) {
            Map<String, JSONSchemaProps> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
            properties.forEach((name, property) -> {
                if (object.has(name) && object.get(name).isNull() && !Boolean.TRUE.equals(property.getNullable())) {
                    object.remove(name);
                }
                if (!object.has(name) && property.getDefault() != null) {
                    object.set(name, property.getDefault().deepCopy());
                }
                if (object.has(name)) {
                    prepare(object.get(name), property);
                }
            });
        } else if (node instanceof ArrayNode array && schema.getItems() != null) {
            array.forEach(item -> prepare(item, schema.getItems().getSchema()));
        }
    }

    /** CEL rules of an object whose own values passed the schema (a rule over a wrongly typed value says nothing). */
    private static void checkRules(JsonNode node, JSONSchemaProps schema, String path, List<String> invalidPaths,
                                   List<String> problems) {
        if (!(node instanceof ObjectNode object) || !"object".equals(schema.getType())) {
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                if (object.hasNonNull(name)) {
                    checkRules(object.get(name), property, path + "." + name, invalidPaths, problems);
                }
            });
        }
        boolean valid = invalidPaths.stream().noneMatch(invalid -> invalid.equals(path) || invalid.startsWith(path + "."));
        if (valid && schema.getXKubernetesValidations() != null) {
            for (ValidationRule rule : schema.getXKubernetesValidations()) {
                if (!CelRules.holds(rule.getRule(), object)) {
                    problems.add(path + ": " + rule.getMessage());
                }
            }
        }
    }

    /** The validator's error in the words the operator has always used ({@code spec.api.replicas: must be ...}). */
    private static String describe(String path, Error error) {
        JsonNode value = error.getInstanceNode();
        JsonNode keyword = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "required" -> path + "." + error.getProperty() + ": required";
            case "additionalProperties" -> path + "." + error.getProperty() + ": unknown field";
            case "minimum" -> path + ": must be at least " + keyword.asLong() + ", was " + value.asText();
            case "maximum" -> path + ": must be at most " + keyword.asLong() + ", was " + value.asText();
            case "pattern" -> path + ": '" + value.asText() + "' does not match " + keyword.asText();
            case "enum" -> path + ": '" + value.asText() + "' is not one of " + texts(keyword);
            case "type" -> path + ": must be " + switch (keyword.isArray() ? keyword.get(0).asText() : keyword.asText()) {
                case "integer" -> "a whole number";
                case "boolean" -> "true or false";
                case "array" -> "a list";
                case "object" -> "an object";
                default -> "a string";
            };
            default -> path + ": " + error.getMessage();
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String path(NodePath location) {
        StringBuilder path = new StringBuilder("spec");
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
        }
        return path.toString();
    }

    /**
     * The openAPIV3Schema as JSON Schema draft 4: {@code nullable} as a "null" type, objects with properties closed
     * to other fields (the API server prunes them; the operator names them), the Kubernetes extensions left out.
     */
    private static JsonNode jsonSchema(JsonNode openApi) {
        if (!(openApi instanceof ObjectNode schema)) {
            return openApi;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.startsWith("x-kubernetes-") || name.equals("nullable") || name.equals("default")
                    || name.equals("description")) {
                continue;
            }
            switch (name) {
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    field.getValue().fields().forEachRemaining(p -> properties.set(p.getKey(), jsonSchema(p.getValue())));
                }
                case "items", "additionalProperties" -> out.set(name, jsonSchema(field.getValue()));
                default -> out.set(name, field.getValue().deepCopy());
            }
        }
        if (schema.path("nullable").asBoolean(false) && schema.has("type")) {
            out.set("type", JsonNodeFactory.instance.arrayNode().add(schema.get("type").asText()).add("null"));
        }
        if ("object".equals(schema.path("type").asText()) && schema.has("properties") && !schema.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
