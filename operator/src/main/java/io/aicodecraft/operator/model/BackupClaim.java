package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.StorageSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

/** The volume claim a stack's dumps are kept on, when backups go to a volume. */
public final class BackupClaim {

    private BackupClaim() {
    }

    public static boolean applies(AICodeCraftStack stack) {
        return BackupPod.applies(stack) && stack.getSpec().getPostgres().getBackup().getVolume() != null;
    }

    public static PersistentVolumeClaim build(AICodeCraftStack stack) {
        StorageSpec volume = stack.getSpec().getPostgres().getBackup().getVolume();
        return new PersistentVolumeClaimBuilder()
                .withMetadata(StackComponent.BACKUP.metadata(stack, StackNames.backupClaim(stack)))
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(volume.getStorageClassName())
                .withNewResources().addToRequests("storage", new Quantity(volume.getSize())).endResources()
                .endSpec()
                .build();
    }
}
