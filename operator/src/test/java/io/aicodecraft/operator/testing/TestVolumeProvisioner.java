package io.aicodecraft.operator.testing;

import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * The cluster tier's storage provisioner: for every claim without a volume it creates a hostPath volume
 * of the claim's size, pre-bound to the claim, and the PV binder controller binds the two. Volumes are
 * retained when their claim goes (there is no real disk to wipe).
 */
final class TestVolumeProvisioner implements AutoCloseable {

    private final KubernetesClient client;
    private final SharedIndexInformer<PersistentVolumeClaim> informer;

    private TestVolumeProvisioner(KubernetesClient client) {
        this.client = client;
        this.informer = client.persistentVolumeClaims().inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(PersistentVolumeClaim claim) {
                provision(claim);
            }

            @Override
            public void onUpdate(PersistentVolumeClaim old, PersistentVolumeClaim claim) {
            }

            @Override
            public void onDelete(PersistentVolumeClaim claim, boolean deletedFinalStateUnknown) {
            }
        });
    }

    static TestVolumeProvisioner start(KubernetesClient client) {
        return new TestVolumeProvisioner(client);
    }

    private void provision(PersistentVolumeClaim claim) {
        if (claim.getSpec().getVolumeName() != null) {
            return;
        }
        String name = "pv-" + claim.getMetadata().getUid();
        var volume = new PersistentVolumeBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec()
                .withCapacity(claim.getSpec().getResources().getRequests())
                .withAccessModes(claim.getSpec().getAccessModes())
                .withStorageClassName(claim.getSpec().getStorageClassName())
                .withPersistentVolumeReclaimPolicy("Retain")
                .withNewHostPath().withPath("/var/lib/kwok-volumes/" + name).endHostPath()
                .withNewClaimRef()
                .withNamespace(claim.getMetadata().getNamespace())
                .withName(claim.getMetadata().getName())
                .withUid(claim.getMetadata().getUid())
                .endClaimRef()
                .endSpec().build();
        try {
            client.persistentVolumes().resource(volume).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) { // an informer's relist sees the claim again
                throw e;
            }
        }
    }

    @Override
    public void close() {
        informer.close();
    }
}
