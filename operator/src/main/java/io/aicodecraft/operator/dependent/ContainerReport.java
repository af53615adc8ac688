package io.aicodecraft.operator.dependent;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Job's container reported when it exited 0: the one JSON object the API's commands write to their
 * termination message file for the operator (backup {@code store}, {@code migrate}).
 */
final class ContainerReport {

    private ContainerReport() {
    }

    /** The report of {@code container} among {@code pods}; empty when none succeeded or it left no JSON object. */
    static Optional<JsonNode> of(List<Pod> pods, String container) {
        return FailedContainer.terminations(pods)
                .filter(t -> container.equals(t.container()) && Integer.valueOf(0).equals(t.state().getExitCode()))
                .map(t -> t.state().getMessage())
                .filter(Objects::nonNull)
                .flatMap(message -> parse(message).stream())
                .findFirst();
    }

    private static Optional<JsonNode> parse(String message) {
        try {
            JsonNode node = Serialization.jsonMapper().readTree(message.strip());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
