package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The headless Service that gives the PostgreSQL StatefulSet's pod its stable DNS name. */
public final class PostgresService {

    public static final int PORT = 5432;

    private PostgresService() {
    }

    public static Service build(AICodeCraftStack stack) {
        return new ServiceBuilder()
                .withMetadata(StackComponent.DATABASE.metadata(stack, StackNames.postgres(stack)))
                .withNewSpec()
                .withClusterIP("None")
                .withSelector(StackComponent.DATABASE.selector(stack))
                .addNewPort().withName("postgres").withPort(PORT).withNewTargetPort("postgres").withProtocol("TCP").endPort()
                .endSpec()
                .build();
    }
}
