package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.StackComponent;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stack's pods as the kubelet and the scheduler last reported them, so a pod that cannot start
 * shows in the condition of its component instead of a wait that only times out. One informer for the
 * pods of every stack, selected by the labels the pod templates carry and mapped to their stack by its
 * label; the operator only reads them.
 */
public final class StackPods {

    public static final String NAME = "stack-pods";

    /** The Job controller's label on the pods of a Job. */
    static final String JOB_NAME_LABEL = "batch.kubernetes.io/job-name";

    private StackPods() {
    }

    public static InformerEventSource<Pod, AICodeCraftStack> eventSource(EventSourceContext<AICodeCraftStack> context) {
        return new InformerEventSource<>(InformerEventSourceConfiguration.from(Pod.class, AICodeCraftStack.class)
                .withName(NAME)
                .withLabelSelector(Selectors.PODS)
                .withNamespacesInheritedFromController()
                .withSecondaryToPrimaryMapper(pod -> Set.of(new ResourceID(
                        pod.getMetadata().getLabels().get(StackComponent.STACK_LABEL), pod.getMetadata().getNamespace())))
                .build(), context);
    }

    /** The first problem among the pods of {@code component}, by pod name. */
    public static Optional<PodProblem> problem(Context<AICodeCraftStack> context, StackComponent component) {
        return problem(context, Map.of(StackComponent.COMPONENT_LABEL, component.component()));
    }

    /** The first problem among the pods of the migration Job {@code job}, by pod name. */
    public static Optional<PodProblem> migrationProblem(Context<AICodeCraftStack> context, String job) {
        return problem(context, Map.of(StackComponent.COMPONENT_LABEL, StackComponent.MIGRATION.component(),
                JOB_NAME_LABEL, job));
    }

    /** The pods of the Job {@code job} of {@code component}, by pod name. */
    public static List<Pod> jobPods(Context<AICodeCraftStack> context, StackComponent component, String job) {
        return pods(context, Map.of(StackComponent.COMPONENT_LABEL, component.component(), JOB_NAME_LABEL, job));
    }

    private static Optional<PodProblem> problem(Context<AICodeCraftStack> context, Map<String, String> labels) {
        return PodProblem.first(pods(context, labels));
    }

    private static List<Pod> pods(Context<AICodeCraftStack> context, Map<String, String> labels) {
        return context.getSecondaryResourcesAsStream(Pod.class)
                .filter(pod -> pod.getMetadata().getLabels().entrySet().containsAll(labels.entrySet()))
                .sorted(Comparator.comparing(pod -> pod.getMetadata().getName()))
                .toList();
    }
}
