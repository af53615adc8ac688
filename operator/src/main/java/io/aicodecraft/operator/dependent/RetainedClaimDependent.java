package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import java.util.function.Function;

/**
 * A data volume claim (the persistent Redis's, the backups'). Created once and never deleted by the operator; kept
 * under {@code deletionPolicy: Retain} as the PostgreSQL credentials are ({@link RetainedOwnership}): a policy
 * change moves only its owner reference. JOSDK's annotations map its events to the stack either way.
 */
abstract class RetainedClaimDependent extends KubernetesDependentResource<PersistentVolumeClaim, AICodeCraftStack>
        implements Creator<PersistentVolumeClaim, AICodeCraftStack>, Updater<PersistentVolumeClaim, AICodeCraftStack> {

    private final Function<AICodeCraftStack, PersistentVolumeClaim> builder;

    RetainedClaimDependent(Function<AICodeCraftStack, PersistentVolumeClaim> builder) {
        super(PersistentVolumeClaim.class);
        this.builder = builder;
    }

    @Override
    protected PersistentVolumeClaim desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return builder.apply(stack);
    }

    @Override
    protected void addReferenceHandlingMetadata(PersistentVolumeClaim desired, AICodeCraftStack stack) {
        super.addReferenceHandlingMetadata(desired, stack);
        RetainedOwnership.addTo(desired, stack);
    }

    @Override
    public Result<PersistentVolumeClaim> match(PersistentVolumeClaim actual, AICodeCraftStack stack,
                                               Context<AICodeCraftStack> context) {
        return RetainedOwnership.match(actual, stack);
    }

    @Override
    public PersistentVolumeClaim update(PersistentVolumeClaim actual, PersistentVolumeClaim desired,
                                        AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return RetainedOwnership.update(actual, stack, context);
    }
}
