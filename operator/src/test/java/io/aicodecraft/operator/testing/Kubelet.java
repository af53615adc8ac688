package io.aicodecraft.operator.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plays the kubelet and the workload controllers on the mock API server and on a bare kube-apiserver,
 * which have neither: it writes the status a real cluster would report once pods are ready or a Job
 * has finished.
 */
public final class Kubelet {

    private final KubernetesClient client;

    public Kubelet(KubernetesClient client) {
        this.client = client;
    }

    /** All replicas of the StatefulSet's current generation ready. */
    public void statefulSetReady(String namespace, String name) {
        var resource = client.apps().statefulSets().inNamespace(namespace).withName(name);
        Objects.requireNonNull(resource.get(), () -> "no StatefulSet " + namespace + "/" + name);
        Conflicts.retry(() -> resource.editStatus(s -> {
            int replicas = replicas(s.getSpec().getReplicas());
            s.setStatus(new StatefulSetStatusBuilder()
                    .withObservedGeneration(s.getMetadata().getGeneration())
                    .withReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
                    .withCurrentReplicas(replicas).withUpdatedReplicas(replicas)
                    .build());
            return s;
        }));
    }

    /** All replicas of the Deployment's current generation updated and available. */
    public void deploymentAvailable(String namespace, String name) {
        var resource = client.apps().deployments().inNamespace(namespace).withName(name);
        Objects.requireNonNull(resource.get(), () -> "no Deployment " + namespace + "/" + name);
        Conflicts.retry(() -> resource.editStatus(d -> {
            int replicas = replicas(d.getSpec().getReplicas());
            d.setStatus(new DeploymentStatusBuilder()
                    .withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
                    .withUpdatedReplicas(replicas)
                    .addToConditions(new DeploymentConditionBuilder()
                            .withType("Available").withStatus("True").withReason("MinimumReplicasAvailable")
                            .build())
                    .build());
            return d;
        }));
    }

    /**
     * The Job's pod exited 0: conditions SuccessCriteriaMet and Complete, as the Job controller writes them
     * (a real API server refuses Complete without the first, and a finished Job without a start time).
     */
    public void jobSucceeded(String namespace, String name) {
        String now = Instant.now().toString();
        finishJob(namespace, name, new JobStatusBuilder()
                .withSucceeded(1)
                .withStartTime(now)
                .withCompletionTime(now)
                .addToConditions(new JobConditionBuilder()
                        .withType("SuccessCriteriaMet").withStatus("True").build())
                .addToConditions(new JobConditionBuilder()
                        .withType("Complete").withStatus("True").build())
                .build());
    }

    /**
     * The Job ran out of retries: conditions FailureTarget and Failed with the controller's reason and
     * message, as the Job controller writes them.
     */
    public void jobFailed(String namespace, String name, String reason, String message) {
        finishJob(namespace, name, new JobStatusBuilder()
                .withFailed(1)
                .withStartTime(Instant.now().toString())
                .addToConditions(new JobConditionBuilder()
                        .withType("FailureTarget").withStatus("True").withReason(reason).withMessage(message).build())
                .addToConditions(new JobConditionBuilder()
                        .withType("Failed").withStatus("True").withReason(reason).withMessage(message).build())
                .build());
    }

    /**
     * A pod of {@code template} as its controller creates it (named {@code name}, with the template's labels
     * and {@code labels}), then {@code status} as the scheduler and the kubelet report it. Only the
     * (init) containers' names and images are kept: nothing runs them.
     */
    public Pod pod(String namespace, String name, PodTemplateSpec template, Map<String, String> labels,
                   PodStatus status) {
        var pod = client.resource(new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(template.getMetadata().getLabels()).addToLabels(labels).endMetadata()
                .withNewSpec()
                .withInitContainers(namesAndImages(template.getSpec().getInitContainers()))
                .withContainers(namesAndImages(template.getSpec().getContainers()))
                .endSpec()
                .build()).create();
        return Conflicts.retry(() -> client.pods().inNamespace(namespace).withName(pod.getMetadata().getName())
                .editStatus(p -> {
                    p.setStatus(status);
                    return p;
                }));
    }

    private static List<Container> namesAndImages(List<Container> containers) {
        return containers == null ? List.of() : containers.stream()
                .map(c -> new ContainerBuilder().withName(c.getName()).withImage(c.getImage()).build())
                .toList();
    }

    private void finishJob(String namespace, String name, JobStatus status) {
        var resource = client.batch().v1().jobs().inNamespace(namespace).withName(name);
        Objects.requireNonNull(resource.get(), () -> "no Job " + namespace + "/" + name);
        Conflicts.retry(() -> resource.editStatus(j -> {
            j.setStatus(status);
            return j;
        }));
    }

    private static int replicas(Integer specReplicas) {
        return specReplicas == null ? 1 : specReplicas;
    }
}
