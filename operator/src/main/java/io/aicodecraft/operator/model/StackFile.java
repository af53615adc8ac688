package io.aicodecraft.operator.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.aicodecraft.operator.crd.AICodeCraftStack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one AICodeCraftStack from YAML and accepts it only if the API server would: the right kind,
 * a usable name, and a spec that passes the CRD's schema (with its defaults applied, as the server does).
 */
public final class StackFile {

    /** A stack without a namespace renders into this one, as kubectl would apply it. */
    public static final String DEFAULT_NAMESPACE = "default";

    /** The stack name is a label value and a prefix of Service names: a DNS label. */
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec", "status");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StackFile() {
    }

    public static AICodeCraftStack parse(String yaml) throws InvalidStackException {
        ObjectNode root = singleDocument(yaml);
        List<String> problems = new ArrayList<>();
        String apiVersion = root.path("apiVersion").asText("");
        String kind = root.path("kind").asText("");
        if (!apiVersion.equals(AICodeCraftStack.API_VERSION) || !kind.equals(AICodeCraftStack.KIND)) {
            throw new InvalidStackException(List.of("expected apiVersion " + AICodeCraftStack.API_VERSION + " and kind "
                    + AICodeCraftStack.KIND + ", found apiVersion '" + apiVersion + "' and kind '" + kind + "'"));
        }
        root.fieldNames().forEachRemaining(field -> {
            if (!TOP_LEVEL_FIELDS.contains(field)) {
                problems.add(field + ": unknown field");
            }
        });
        checkMetadata(root, problems);
        if (root.get("spec") instanceof ObjectNode spec) {
            problems.addAll(StackSchema.generated().defaultAndValidate(spec));
        } else {
            problems.add("spec: required, an object");
        }
        if (!problems.isEmpty()) {
            throw new InvalidStackException(problems);
        }
        try {
            AICodeCraftStack stack = YAML.treeToValue(root, AICodeCraftStack.class);
            if (stack.getMetadata().getNamespace() == null) {
                stack.getMetadata().setNamespace(DEFAULT_NAMESPACE);
            }
            return stack;
        } catch (JsonProcessingException e) {
            throw new InvalidStackException(List.of(e.getOriginalMessage()));
        }
    }

    private static ObjectNode singleDocument(String yaml) throws InvalidStackException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (iterator.hasNextValue()) {
                JsonNode document = iterator.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidStackException(List.of("not valid YAML: " + describe(e)));
        }
        if (documents.isEmpty()) {
            throw new InvalidStackException(List.of("the file holds no stack"));
        }
        if (documents.size() > 1) {
            throw new InvalidStackException(List.of("the file holds " + documents.size() + " documents; render takes one stack"));
        }
        if (!(documents.getFirst() instanceof ObjectNode root)) {
            throw new InvalidStackException(List.of("the file holds a " + documents.getFirst().getNodeType()
                    .name().toLowerCase(Locale.ROOT) + ", not a stack object"));
        }
        return root;
    }

    private static void checkMetadata(ObjectNode root, List<String> problems) {
        String name = root.path("metadata").path("name").asText("");
        if (name.isEmpty()) {
            problems.add("metadata.name: required");
        } else if (name.length() > StackNames.MAX_NAME_LENGTH || !DNS_LABEL.matcher(name).matches()) {
            problems.add("metadata.name: '" + name + "' must be at most " + StackNames.MAX_NAME_LENGTH
                    + " lower-case letters, digits and '-', starting and ending with a letter or digit");
        }
    }

    /** The parser's words without its multi-line source excerpts, plus where it stopped. */
    private static String describe(Exception e) {
        if (!(e instanceof JsonProcessingException json)) {
            return String.valueOf(e.getMessage());
        }
        String words = json.getOriginalMessage().lines()
                .filter(line -> !line.isBlank() && !line.startsWith(" ") && !line.startsWith("[Source"))
                .distinct()
                .collect(Collectors.joining(": "));
        return json.getLocation() == null ? words
                : words + " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
    }
}
