package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.OnDemandBackupJob;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Which updates of a stack start a reconcile: a new spec (generation), the start of its deletion, and a new
 * on-demand backup token, which is an annotation and so no new generation. Not the operator's own status writes.
 * It replaces JOSDK's generation-aware filtering, which would let the annotation go unseen.
 */
public class StackChangeFilter implements OnUpdateFilter<AICodeCraftStack> {

    @Override
    public boolean accept(AICodeCraftStack updated, AICodeCraftStack old) {
        return !Objects.equals(updated.getMetadata().getGeneration(), old.getMetadata().getGeneration())
                || (updated.isMarkedForDeletion() && !old.isMarkedForDeletion())
                || !OnDemandBackupJob.token(updated).equals(OnDemandBackupJob.token(old));
    }
}
