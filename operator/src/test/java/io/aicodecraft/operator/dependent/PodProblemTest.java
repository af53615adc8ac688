package io.aicodecraft.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodProblemTest {

    @Test
    void anImageThatCannotBePulledIsTheKubeletsReasonWithItsMessage() {
        var pod = pod(waiting("api", "ImagePullBackOff", "Back-off pulling image \"ghcr.io/aicodecraft/api-app:typo\""));

        assertThat(PodProblem.of(pod)).contains(new PodProblem("ImagePullBackOff",
                "pod team-a-api-1, container api: Back-off pulling image \"ghcr.io/aicodecraft/api-app:typo\""));
    }

    @Test
    void aFailedPullBeforeTheBackOffIsErrImagePull() {
        var pod = pod(waiting("api", "ErrImagePull", "manifest unknown"));

        assertThat(PodProblem.of(pod)).hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo("ErrImagePull"));
    }

    @Test
    void aCrashLoopSaysHowTheContainerLastExited() {
        var container = new ContainerStatusBuilder(waiting("api", "CrashLoopBackOff", "back-off 40s restarting failed container"))
                .withNewLastState().withNewTerminated().withReason("Error").withExitCode(1)
                .withMessage("schema is at 3, the image needs 4").endTerminated().endLastState()
                .build();

        assertThat(PodProblem.of(pod(container))).contains(new PodProblem("CrashLoopBackOff",
                "pod team-a-api-1, container api: back-off 40s restarting failed container; "
                        + "last exit code 1: schema is at 3, the image needs 4"));
    }

    @Test
    void aContainerKilledForMemoryIsOomKilledRatherThanACrashLoop() {
        var container = new ContainerStatusBuilder(waiting("api", "CrashLoopBackOff", "back-off 10s"))
                .withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated()
                .endLastState()
                .build();

        assertThat(PodProblem.of(pod(container))).contains(new PodProblem("OOMKilled",
                "pod team-a-api-1, container api was killed for going over its memory limit (exit code 137)"));
    }

    @Test
    void aJobPodThatEndedOutOfMemoryIsOomKilled() {
        var container = new ContainerStatusBuilder().withName("migrate")
                .withNewState().withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated().endState()
                .build();

        assertThat(PodProblem.of(pod(container))).hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo("OOMKilled"));
    }

    @Test
    void aPodNoNodeCanTakeIsUnschedulableWithTheSchedulersMessage() {
        var pod = new PodBuilder(pod()).editStatus().addToConditions(new PodConditionBuilder()
                .withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient memory.").build()).endStatus().build();

        assertThat(PodProblem.of(pod)).contains(new PodProblem("Unschedulable",
                "pod team-a-api-1 cannot be scheduled: 0/3 nodes are available: 3 Insufficient memory."));
    }

    @Test
    void anInitContainersProblemComesFirst() {
        var pod = new PodBuilder(pod(waiting("api", "CrashLoopBackOff", "back-off")))
                .editStatus().withInitContainerStatuses(waiting("wait-for-db", "ErrImagePull", "not found")).endStatus()
                .build();

        assertThat(PodProblem.of(pod)).hasValueSatisfying(p -> assertThat(p.message()).contains("container wait-for-db"));
    }

    @Test
    void aStartingOrRunningPodHasNoProblem() {
        var creating = pod(waiting("api", "ContainerCreating", null));
        var running = pod(new ContainerStatusBuilder().withName("api").withReady(true)
                .withNewState().withNewRunning().withStartedAt("2026-01-01T00:00:00Z").endRunning().endState().build());
        var pending = new PodBuilder(pod()).withStatus(null).build();

        assertThat(PodProblem.first(List.of(creating, running, pending))).isEmpty();
    }

    @Test
    void theFirstPodWithAProblemSpeaksForAll() {
        var fine = pod(waiting("api", "ContainerCreating", null));
        var failing = new PodBuilder(pod(waiting("api", "ImagePullBackOff", "back-off"))).editMetadata()
                .withName("team-a-api-2").endMetadata().build();

        assertThat(PodProblem.first(List.of(fine, failing))).hasValueSatisfying(p ->
                assertThat(p.message()).startsWith("pod team-a-api-2,"));
    }

    private static ContainerStatus waiting(String container, String reason, String message) {
        return new ContainerStatusBuilder().withName(container)
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState()
                .build();
    }

    private static Pod pod(ContainerStatus... containers) {
        return new PodBuilder().withNewMetadata().withName("team-a-api-1").withNamespace("tenant-a").endMetadata()
                .withNewStatus().withPhase("Pending").withContainerStatuses(containers).endStatus()
                .build();
    }
}
