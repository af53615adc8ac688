package io.aicodecraft.operator.dependent;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The first container of a Job's pods that exited non-zero (init containers first: when one fails, the rest never
 * run), with what it said: its termination message, which {@code FallbackToLogsOnError} fills with its last log
 * lines.
 *
 * @param container the container's name
 * @param exitCode its exit code
 * @param said its termination message, or the kubelet's reason when it left none
 */
public record FailedContainer(String container, int exitCode, String said) {

    /** A container's last log lines can be long; a condition should stay readable. */
    private static final int MAX_CHARS = 300;

    public static Optional<FailedContainer> first(List<Pod> pods) {
        return terminations(pods)
                .filter(t -> t.state().getExitCode() != null && t.state().getExitCode() != 0)
                .map(t -> {
                    String message = t.state().getMessage() == null ? "" : t.state().getMessage().strip();
                    String said = message.isEmpty() ? Optional.ofNullable(t.state().getReason()).orElse("Error") : message;
                    return new FailedContainer(t.container(), t.state().getExitCode(), abbreviate(said));
                })
                .findFirst();
    }

    public String describe() {
        return "container %s exited with %d: %s".formatted(container, exitCode, said);
    }

    record Termination(String container, ContainerStateTerminated state) {
    }

    /** Every ended container of the pods, init containers first. */
    static Stream<Termination> terminations(List<Pod> pods) {
        return pods.stream()
                .filter(pod -> pod.getStatus() != null)
                .flatMap(pod -> Stream.concat(
                        Optional.ofNullable(pod.getStatus().getInitContainerStatuses()).orElse(List.of()).stream(),
                        Optional.ofNullable(pod.getStatus().getContainerStatuses()).orElse(List.of()).stream()))
                .filter(status -> status.getState() != null && status.getState().getTerminated() != null)
                .map(status -> new Termination(status.getName(), status.getState().getTerminated()));
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "...";
    }
}
