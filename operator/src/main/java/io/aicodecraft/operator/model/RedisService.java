package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The ClusterIP Service in front of the managed Redis. */
public final class RedisService {

    public static final int PORT = 6379;

    private RedisService() {
    }

    public static Service build(AICodeCraftStack stack) {
        return new ServiceBuilder()
                .withMetadata(StackComponent.CACHE.metadata(stack, StackNames.redis(stack)))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(StackComponent.CACHE.selector(stack))
                .addNewPort().withName("redis").withPort(PORT).withNewTargetPort("redis").withProtocol("TCP").endPort()
                .endSpec()
                .build();
    }
}
