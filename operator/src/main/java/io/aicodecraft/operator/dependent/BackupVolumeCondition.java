package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.BackupClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile pre-condition: the backup volume claim is created while backups go to a volume; it is not a Deleter, so turning backups off or moving them keeps the dumps. */
public class BackupVolumeCondition implements Condition<PersistentVolumeClaim, AICodeCraftStack> {

    @Override
    public boolean isMet(DependentResource<PersistentVolumeClaim, AICodeCraftStack> dependent, AICodeCraftStack stack,
                         Context<AICodeCraftStack> context) {
        return BackupClaim.applies(stack);
    }
}
