package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.model.BackupClaim;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The volume claim of the dumps; backups turned off or moved to object storage keep it and what it holds. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.BACKUP))
public class BackupClaimDependent extends RetainedClaimDependent {

    public BackupClaimDependent() {
        super(BackupClaim::build);
    }
}
