package io.aicodecraft.operator.install;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** values.schema.json turns a bad value into an error that names the value, before anything renders. */
class ValuesSchemaTest {

    @Test
    void rejectsNegativeReplicas() {
        assertThatThrownBy(() -> RenderedChart.render(command -> command.set("replicaCount", -1)))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("replicaCount")
                .hasMessageContaining("minimum");
    }

    @Test
    void rejectsAnUnknownWatchMode() {
        assertThatThrownBy(() -> RenderedChart.render(command -> command.set("watch.mode", "everywhere")))
                .hasMessageContaining("watch/mode")
                .hasMessageContaining("'all'")
                .hasMessageContaining("'namespaces'");
    }

    @Test
    void rejectsANonBooleanForLeaderElection() {
        assertThatThrownBy(() -> RenderedChart.render(command -> command.set("leaderElection.enabled", "yes")))
                .hasMessageContaining("leaderElection/enabled")
                .hasMessageContaining("boolean");
    }

    @Test
    void rejectsNamespacedModeWithoutNamespaces() {
        assertThatThrownBy(() -> RenderedChart.withValues("watch: {mode: namespaces}"))
                .hasMessageContaining("watch")
                .hasMessageContaining("namespaces");
    }

    @Test
    void rejectsAnUnknownTopLevelValue() {
        assertThatThrownBy(() -> RenderedChart.render(command -> command.set("replicas", 3)))
                .hasMessageContaining("replicas");
    }

    @Test
    void rejectsAStackWithoutASpec() {
        assertThatThrownBy(() -> RenderedChart.withValues("stacks: [{name: team-a}]"))
                .hasMessageContaining("stacks/0")
                .hasMessageContaining("spec");
    }

    @Test
    void acceptsTheNamespacedModeWithNamespaces() {
        assertThatNoException().isThrownBy(() -> RenderedChart.withValues("""
                watch: {mode: namespaces, namespaces: [tenant-a]}
                leaderElection: {enabled: true, leaseName: ops-leader}
                replicaCount: 3
                """));
    }
}
