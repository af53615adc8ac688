package io.aicodecraft.operator.dependent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Whether a workload's controller reports it ready for its current spec. A status written for an
 * older generation does not count: after an update the old pods' readiness says nothing yet.
 */
public final class WorkloadReadiness {

    private WorkloadReadiness() {
    }

    public static boolean ready(StatefulSet statefulSet) {
        var status = statefulSet.getStatus();
        if (status == null || !observedCurrentGeneration(statefulSet, status.getObservedGeneration())) {
            return false;
        }
        int wanted = replicas(statefulSet.getSpec().getReplicas());
        return count(status.getReadyReplicas()) >= wanted && count(status.getUpdatedReplicas()) >= wanted;
    }

    public static boolean available(Deployment deployment) {
        var status = deployment.getStatus();
        if (status == null || !observedCurrentGeneration(deployment, status.getObservedGeneration())) {
            return false;
        }
        // an autoscaled Deployment may leave spec.replicas to the HPA: then what the status counts is wanted
        int wanted = deployment.getSpec().getReplicas() != null
                ? deployment.getSpec().getReplicas()
                : Math.max(1, count(status.getReplicas()));
        return count(status.getAvailableReplicas()) >= wanted && count(status.getUpdatedReplicas()) >= wanted;
    }

    /** Every pod of the Deployment runs its current template (none of an earlier one is left), ready or not. */
    public static boolean rolledOut(Deployment deployment) {
        var status = deployment.getStatus();
        return status != null && observedCurrentGeneration(deployment, status.getObservedGeneration())
                && count(status.getUpdatedReplicas()) >= count(status.getReplicas());
    }

    /** The Deployment's ready pods as its status counts them, whatever their spec: 0 before any status. */
    public static int readyReplicas(Deployment deployment) {
        return deployment.getStatus() == null ? 0 : count(deployment.getStatus().getReadyReplicas());
    }

    private static boolean observedCurrentGeneration(HasMetadata resource, Long observedGeneration) {
        Long generation = resource.getMetadata().getGeneration();
        return generation == null || (observedGeneration != null && observedGeneration >= generation);
    }

    private static int replicas(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
