package io.aicodecraft.operator.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** The chart rendered by Helm (helm-java, in process), as the YAML text and as parsed objects. */
record RenderedChart(String yaml, List<JsonNode> documents) {

    static final String RELEASE = "aicodecraft-operator";
    static final String NAMESPACE = "aicodecraft-system";
    /** The ClusterRole (and binding) that lets the operator see whether cert-manager's Certificate CRD is there. */
    static final String CRD_READER = RELEASE + "-crds";
    // helm template assumes Kubernetes 1.20 unless told; the chart needs 1.27 or newer
    static final String KUBE_VERSION = "1.31.0";

    private static final ObjectMapper YAML = new YAMLMapper();

    /** {@code helm template} with the chart's defaults. */
    static RenderedChart defaults() {
        return render(command -> command);
    }

    /** {@code helm template} with {@code values} written to a values file. */
    static RenderedChart withValues(String values) {
        try {
            Path file = Files.createTempFile("values", ".yaml");
            try {
                Files.writeString(file, values);
                return render(command -> command.withValuesFile(file));
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code helm template} with {@code options} applied; Helm's errors surface as exceptions. */
    static RenderedChart render(UnaryOperator<TemplateCommand> options) {
        TemplateCommand command = new Helm(Repository.CHART).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        return of(options.apply(command).call());
    }

    static RenderedChart of(String yaml) {
        var documents = new ArrayList<JsonNode>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode node = iterator.next();
                if (node != null && !node.isNull() && !node.isMissingNode() && !node.isEmpty()) {
                    documents.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedChart(yaml, List.copyOf(documents));
    }

    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    JsonNode one(String kind) {
        var all = ofKind(kind);
        if (all.size() != 1) {
            throw new AssertionError("expected one " + kind + ", rendered " + all.size() + ":\n" + yaml);
        }
        return all.getFirst();
    }

    <T extends HasMetadata> List<T> ofKind(String kind, Class<T> type) {
        return ofKind(kind).stream().map(node -> Serialization.jsonMapper().convertValue(node, type)).toList();
    }

    <T extends HasMetadata> T one(String kind, Class<T> type) {
        return Serialization.jsonMapper().convertValue(one(kind), type);
    }

    /** The object of {@code kind} named {@code name}. */
    <T extends HasMetadata> T named(String kind, String name, Class<T> type) {
        return ofKind(kind, type).stream().filter(object -> name.equals(object.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered:\n" + yaml));
    }

    List<String> kinds() {
        return documents.stream().map(d -> Objects.toString(d.path("kind").asText())).toList();
    }
}
