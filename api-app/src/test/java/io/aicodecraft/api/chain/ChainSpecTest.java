package io.aicodecraft.api.chain;

import io.aicodecraft.api.ai.Language;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainSpecTest {

    private static TaskSpec task(String id, String... dependsOn) {
        return new TaskSpec(id, "do " + id, null, Language.JAVA, List.of(dependsOn));
    }

    @Test
    void diamondIsAcceptedWithOneRootAndItsDependents() {
        ChainSpec diamond = new ChainSpec(List.of(task("a"), task("b", "a"), task("c", "a"), task("d", "b", "c")));

        assertThat(diamond.roots()).extracting(TaskSpec::id).containsExactly("a");
        assertThat(diamond.dependents("a")).extracting(TaskSpec::id).containsExactly("b", "c");
        assertThat(diamond.dependents("c")).extracting(TaskSpec::id).containsExactly("d");
        assertThat(diamond.dependents("d")).isEmpty();
    }

    @Test
    void cycleIsRefusedNamingItsTasks() {
        assertThatThrownBy(() -> new ChainSpec(List.of(task("a", "c"), task("b", "a"), task("c", "b"), task("d"))))
                .isInstanceOf(InvalidChainException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("a -> c -> b -> a");
    }

    @Test
    void taskDependingOnItselfIsACycle() {
        assertThatThrownBy(() -> new ChainSpec(List.of(task("a"), task("b", "b"))))
                .isInstanceOf(InvalidChainException.class)
                .hasMessageContaining("b -> b");
    }

    @Test
    void unknownDependencyIsRefusedNamingTheTaskAndField() {
        assertThatThrownBy(() -> new ChainSpec(List.of(task("a"), task("b", "a", "zz"))))
                .isInstanceOf(InvalidChainException.class)
                .hasMessageContaining("'b' depends on 'zz'")
                .extracting(e -> ((InvalidChainException) e).field()).isEqualTo("tasks[1].dependsOn");
    }

    @Test
    void dependencyNamedTwiceIsRefused() {
        assertThatThrownBy(() -> new ChainSpec(List.of(task("a"), task("b", "a", "a"))))
                .isInstanceOf(InvalidChainException.class)
                .hasMessageContaining("names 'a' more than once")
                .extracting(e -> ((InvalidChainException) e).field()).isEqualTo("tasks[1].dependsOn");
    }

    @Test
    void duplicateIdIsRefused() {
        assertThatThrownBy(() -> new ChainSpec(List.of(task("a"), task("b"), task("a"))))
                .isInstanceOf(InvalidChainException.class)
                .hasMessageContaining("'a' is used twice")
                .extracting(e -> ((InvalidChainException) e).field()).isEqualTo("tasks[2].id");
    }

    @Test
    void fiftyTasksAreAcceptedAndFiftyOneRefused() {
        List<TaskSpec> fifty = new ArrayList<>(IntStream.range(0, 50).mapToObj(i -> task("t" + i)).toList());
        assertThat(new ChainSpec(fifty).tasks()).hasSize(50);

        fifty.add(task("t50"));
        assertThatThrownBy(() -> new ChainSpec(fifty)).isInstanceOf(InvalidChainException.class)
                .hasMessageContaining("at most 50 tasks");
    }

    @Test
    void emptyChainIsRefused() {
        assertThatThrownBy(() -> new ChainSpec(List.of())).isInstanceOf(InvalidChainException.class)
                .hasMessageContaining("at least one task");
    }

    @Test
    void promptOfATaskWithDependenciesCarriesTheirOutputs() {
        TaskSpec d = task("d", "b", "c");

        String prompt = d.promptWith(java.util.Map.of("b", "class B {}", "c", "class C {}"));

        assertThat(prompt).startsWith("do d").contains("--- task b ---\nclass B {}")
                .contains("--- task c ---\nclass C {}");
        assertThat(task("a").promptWith(java.util.Map.of())).isEqualTo("do a");
    }
}
