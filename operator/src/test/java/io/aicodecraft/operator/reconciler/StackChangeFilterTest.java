package io.aicodecraft.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.AICodeCraftStackStatus;
import io.aicodecraft.operator.model.OnDemandBackupJob;
import io.aicodecraft.operator.testing.TestStacks;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.HashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which updates of a stack reach the reconciler now that generation-aware filtering is off. */
class StackChangeFilterTest {

    private final StackChangeFilter filter = new StackChangeFilter();
    private final AICodeCraftStack old = TestStacks.minimal("ns", "team-a");

    {
        old.getMetadata().setGeneration(3L);
        old.getMetadata().setLabels(new HashMap<>());
        old.getMetadata().setAnnotations(new HashMap<>());
        old.setStatus(new AICodeCraftStackStatus());
    }

    private AICodeCraftStack changed(Consumer<AICodeCraftStack> change) {
        var updated = Serialization.clone(old);
        change.accept(updated);
        return updated;
    }

    @Test
    void theOperatorsOwnStatusWriteAndOtherMetadataDoNotReconcile() {
        assertThat(filter.accept(changed(s -> s.getStatus().setPhaseReason("x")), old)).isFalse();
        assertThat(filter.accept(changed(s -> s.getMetadata().getLabels().put("team", "a")), old)).isFalse();
    }

    @Test
    void aNewGenerationADeletionAndANewBackupTokenDo() {
        assertThat(filter.accept(changed(s -> s.getMetadata().setGeneration(4L)), old)).isTrue();
        assertThat(filter.accept(changed(s -> s.getMetadata().setDeletionTimestamp("2026-12-03T10:00:00Z")), old)).isTrue();
        var withToken = changed(s -> s.getMetadata().getAnnotations().put(OnDemandBackupJob.ANNOTATION, "one"));
        assertThat(filter.accept(withToken, old)).isTrue();
        assertThat(filter.accept(Serialization.clone(withToken), withToken)).isFalse();
        var nextToken = Serialization.clone(withToken);
        nextToken.getMetadata().getAnnotations().put(OnDemandBackupJob.ANNOTATION, "two");
        assertThat(filter.accept(nextToken, withToken)).isTrue();
    }
}
