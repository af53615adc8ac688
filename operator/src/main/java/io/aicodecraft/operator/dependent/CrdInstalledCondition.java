package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.workflow.CRDPresentActivationCondition;

import java.time.Duration;

/**
 * Activation condition of a dependent of another project's kind (cert-manager's Certificate, the Prometheus
 * Operator's ServiceMonitor and PrometheusRule): its CRD is in the cluster. Without it JOSDK registers no informer for
 * the kind, so an operator in a cluster without that project starts as before. A missing CRD is looked for again at
 * most once a minute, for as long as the operator runs, so installing the project later needs no restart (JOSDK's
 * default gives up after ten tries).
 */
public class CrdInstalledCondition<R extends HasMetadata> extends CRDPresentActivationCondition<R, AICodeCraftStack> {

    private static final Duration RECHECK = Duration.ofMinutes(1);

    public CrdInstalledCondition() {
        super(Integer.MAX_VALUE, RECHECK);
    }

    /** A CRD the operator may not read counts as absent: the reconcile goes on, and the status says it. */
    @Override
    public boolean isMet(DependentResource<R, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        try {
            return super.isMet(dependent, stack, context);
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    /** Whether {@code kind}'s CRD was there when last looked for (the check shared with the activations). */
    public static <R extends HasMetadata> boolean installed(Class<R> kind, AICodeCraftStack stack,
                                                            Context<AICodeCraftStack> context) {
        return new CrdInstalledCondition<R>().isMet(new KindOnly<>(kind), stack, context);
    }

    /** Stands for a dependent where none is at hand: the CRD check reads only the resource type. */
    private record KindOnly<R>(Class<R> resourceType) implements DependentResource<R, AICodeCraftStack> {
        @Override
        public ReconcileResult<R> reconcile(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
            throw new UnsupportedOperationException("only the resource type is read");
        }
    }
}
