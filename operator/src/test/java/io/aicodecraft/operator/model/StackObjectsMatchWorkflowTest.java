package io.aicodecraft.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.dependent.ApiRolloutCondition;
import io.aicodecraft.operator.dependent.DatabaseReadyCondition;
import io.aicodecraft.operator.dependent.GrantLoginCondition;
import io.aicodecraft.operator.dependent.OwnerRotatingCondition;
import io.aicodecraft.operator.dependent.RedisRotatingCondition;
import io.aicodecraft.operator.reconciler.AICodeCraftStackReconciler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code render} and the reconciler make the same objects for a stack: the kinds {@link StackObjects} renders are
 * those of the workflow's dependents whose pre-conditions hold (and their parents'), read from the reconciler's own
 * {@link Workflow} annotation. Gates on readiness, which render cannot know, count as open.
 */
class StackObjectsMatchWorkflowTest {

    private static final Set<Class<?>> READINESS_GATES = Set.of(DatabaseReadyCondition.class, ApiRolloutCondition.class,
            GrantLoginCondition.class);
    /** Render shows a stack at rest: no rotation under way, so none of its Jobs. */
    private static final Set<Class<?>> ONLY_WHILE_ROTATING = Set.of(RedisRotatingCondition.class, OwnerRotatingCondition.class);
    private static final Map<String, Dependent> DEPENDENTS = Arrays.stream(
                    AICodeCraftStackReconciler.class.getAnnotation(Workflow.class).dependents())
            .collect(Collectors.toMap(Dependent::name, d -> d));

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "customised", "autoscaled", "external", "external-postgres-managed-redis"})
    void renderMakesTheKindsTheWorkflowKeeps(String fixture) throws Exception {
        AICodeCraftStack stack = TestStacks.load(fixture);
        Map<String, Boolean> kept = new HashMap<>();
        List<String> fromWorkflow = new ArrayList<>();
        for (Dependent dependent : DEPENDENTS.values()) {
            if (kept(dependent, stack, kept)) {
                fromWorkflow.add(kind(dependent));
            }
        }

        List<String> rendered = StackObjects.render(stack, SecretValues.placeholders()).stream()
                .map(HasMetadata::getKind).toList();

        assertThat(rendered).containsExactlyInAnyOrderElementsOf(fromWorkflow);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean kept(Dependent dependent, AICodeCraftStack stack, Map<String, Boolean> kept)
            throws Exception {
        Boolean known = kept.get(dependent.name());
        if (known != null) {
            return known;
        }
        boolean holds = true;
        Class<? extends Condition> precondition = dependent.reconcilePrecondition();
        if (ONLY_WHILE_ROTATING.contains(precondition)) {
            holds = false;
        } else if (precondition != Condition.class && !READINESS_GATES.contains(precondition)) {
            holds = precondition.getDeclaredConstructor().newInstance().isMet(null, stack, null);
        }
        for (String parent : dependent.dependsOn()) {
            holds &= kept(DEPENDENTS.get(parent), stack, kept);
        }
        kept.put(dependent.name(), holds);
        return holds;
    }

    private static String kind(Dependent dependent) throws Exception {
        var resource = (KubernetesDependentResource<?, ?>) dependent.type().getDeclaredConstructor().newInstance();
        return HasMetadata.getKind(resource.resourceType());
    }
}
