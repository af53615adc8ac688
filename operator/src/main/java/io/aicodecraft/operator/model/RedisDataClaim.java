package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.RedisPersistenceSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

/** The PVC of a managed Redis with persistence enabled, where its append-only file lives. */
public final class RedisDataClaim {

    private RedisDataClaim() {
    }

    /** Only a managed Redis with persistence enabled has one. */
    public static boolean applies(AICodeCraftStack stack) {
        var managed = stack.getSpec().getRedis().getManaged();
        return managed != null && managed.getPersistence().isEnabled();
    }

    public static PersistentVolumeClaim build(AICodeCraftStack stack) {
        RedisPersistenceSpec persistence = stack.getSpec().getRedis().getManaged().getPersistence();
        return new PersistentVolumeClaimBuilder()
                .withMetadata(StackComponent.CACHE.metadata(stack, StackNames.redisData(stack)))
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(persistence.getStorageClassName())
                .withNewResources().addToRequests("storage", new Quantity(persistence.getSize())).endResources()
                .endSpec()
                .build();
    }
}
