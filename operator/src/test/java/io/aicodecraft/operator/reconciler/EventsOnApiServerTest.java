package io.aicodecraft.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.testing.RealApiServer;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.api.model.Event;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stack's events on a real API server (the API-server tier): a repeat is a count on one Event, not another Event. */
class EventsOnApiServerTest {

    @RegisterExtension
    static final RealApiServer SERVER = new RealApiServer();

    private List<Event> events(String namespace) {
        return SERVER.client().v1().events().inNamespace(namespace).list().getItems();
    }

    @Test
    void aRepeatedEventIsOneEventWithItsCount() {
        String namespace = SERVER.namespace("repeats");
        var stack = TestStacks.minimal(namespace, "team-a");
        stack.getMetadata().setUid(UUID.randomUUID().toString());
        var recorder = new EventRecorder();
        var failed = new StackEvent(true, "ApiProbeFailed", "/health/ready answered 503");

        for (int i = 0; i < 3; i++) {
            recorder.record(SERVER.client(), stack, List.of(failed));
        }
        recorder.record(SERVER.client(), stack, List.of(
                new StackEvent(true, "ApiProbeFailed", "timed out")));

        assertThat(events(namespace)).hasSize(2);
        assertThat(events(namespace)).filteredOn(e -> e.getMessage().contains("503")).singleElement()
                .satisfies(e -> {
                    assertThat(e.getCount()).isEqualTo(3);
                    assertThat(e.getLastTimestamp()).isGreaterThanOrEqualTo(e.getFirstTimestamp());
                    assertThat(e.getInvolvedObject().getUid()).isEqualTo(stack.getMetadata().getUid());
                });
    }

    @Test
    void aRepeatOfAnEventThatIsGoneWritesItAgain() {
        String namespace = SERVER.namespace("expired");
        var stack = TestStacks.minimal(namespace, "team-a");
        stack.getMetadata().setUid(UUID.randomUUID().toString());
        var recorder = new EventRecorder();
        var failed = new StackEvent(true, "MigrationFailed", "Job x failed");
        recorder.record(SERVER.client(), stack, List.of(failed));

        SERVER.client().v1().events().inNamespace(namespace).delete();
        recorder.record(SERVER.client(), stack, List.of(failed));

        assertThat(events(namespace)).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(1));
    }
}
