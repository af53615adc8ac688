package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.model.RedisDataClaim;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The persistent Redis's data volume claim, where its append-only file lives. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.CACHE))
public class RedisDataClaimDependent extends RetainedClaimDependent {

    public RedisDataClaimDependent() {
        super(RedisDataClaim::build);
    }
}
