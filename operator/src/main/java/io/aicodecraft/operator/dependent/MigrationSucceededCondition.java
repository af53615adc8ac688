package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Ready post-condition of the migration: the current image's Job completed. */
public class MigrationSucceededCondition implements Condition<Job, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<Job, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return dependent.getSecondaryResource(stack, context).map(job -> JobOutcome.of(job).succeeded()).orElse(false);
    }
}
