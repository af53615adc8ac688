package io.aicodecraft.operator.dependent;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What keeps a pod from running that time alone will not fix, as the kubelet and the scheduler report
 * it: an image that cannot be pulled, a container that keeps crashing or ran out of memory, a pod no
 * node can take. The reason is theirs, so a person can look it up; the message names the pod, the
 * container and what they said.
 *
 * @param reason {@code ImagePullBackOff}, {@code ErrImagePull}, {@code CrashLoopBackOff}, {@code OOMKilled}
 *     or {@code Unschedulable}
 * @param message for a person: which pod and container, and the kubelet's or the scheduler's words
 */
public record PodProblem(String reason, String message) {

    public static final String OOM_KILLED = "OOMKilled";
    public static final String UNSCHEDULABLE = "Unschedulable";

    /** Waiting reasons of a container that will not start without a change. */
    private static final Set<String> STUCK_WAITING = Set.of("ImagePullBackOff", "ErrImagePull", "CrashLoopBackOff");

    /** The first problem among {@code pods}, in their order. */
    public static Optional<PodProblem> first(Collection<Pod> pods) {
        return pods.stream().map(PodProblem::of).flatMap(Optional::stream).findFirst();
    }

    /**
     * The problem of one pod: unschedulable first (it has no containers yet), then its containers, init
     * containers first; a container killed for memory says so rather than that it crash-loops.
     */
    public static Optional<PodProblem> of(Pod pod) {
        String name = pod.getMetadata().getName();
        var status = pod.getStatus();
        if (status == null) {
            return Optional.empty();
        }
        var unschedulable = Stream.ofNullable(status.getConditions()).flatMap(Collection::stream)
                .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
                        && UNSCHEDULABLE.equals(c.getReason()))
                .findFirst();
        if (unschedulable.isPresent()) {
            return Optional.of(new PodProblem(UNSCHEDULABLE, "pod %s cannot be scheduled: %s"
                    .formatted(name, said(unschedulable.get()))));
        }
        return Stream.concat(Stream.ofNullable(status.getInitContainerStatuses()).flatMap(Collection::stream),
                        Stream.ofNullable(status.getContainerStatuses()).flatMap(Collection::stream))
                .map(container -> of(name, container))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<PodProblem> of(String pod, ContainerStatus container) {
        String where = "pod %s, container %s".formatted(pod, container.getName());
        var oomKilled = Stream.of(container.getState(), container.getLastState())
                .filter(state -> state != null && state.getTerminated() != null)
                .map(state -> state.getTerminated())
                .filter(terminated -> OOM_KILLED.equals(terminated.getReason()))
                .findFirst();
        if (oomKilled.isPresent()) {
            return Optional.of(new PodProblem(OOM_KILLED, "%s was killed for going over its memory limit (%s)"
                    .formatted(where, exit(oomKilled.get()))));
        }
        var waiting = container.getState() == null ? null : container.getState().getWaiting();
        if (waiting != null && STUCK_WAITING.contains(waiting.getReason())) {
            String lastExit = container.getLastState() == null || container.getLastState().getTerminated() == null
                    ? "" : "; last " + exit(container.getLastState().getTerminated());
            return Optional.of(new PodProblem(waiting.getReason(), "%s: %s%s".formatted(where,
                    waiting.getMessage() == null ? waiting.getReason() : waiting.getMessage(), lastExit)));
        }
        return Optional.empty();
    }

    private static String exit(ContainerStateTerminated terminated) {
        String said = terminated.getMessage() == null || terminated.getMessage().isBlank() ? ""
                : ": " + terminated.getMessage().strip();
        return "exit code %s%s".formatted(terminated.getExitCode(), said);
    }

    private static String said(PodCondition condition) {
        return condition.getMessage() == null ? condition.getReason() : condition.getMessage();
    }
}
