package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The ClusterIP Service of the API; the operator's active probe calls it too. */
public final class ApiService {

    /** The API container's listen port (AICC_HTTP_PORT). */
    public static final int PORT = 8080;
    public static final String PORT_NAME = "http";

    private ApiService() {
    }

    public static Service build(AICodeCraftStack stack) {
        return new ServiceBuilder()
                .withMetadata(StackComponent.API.metadata(stack, StackNames.api(stack)))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(StackComponent.API.selector(stack))
                .addNewPort().withName(PORT_NAME).withPort(PORT).withNewTargetPort(PORT_NAME).withProtocol("TCP").endPort()
                .endSpec()
                .build();
    }
}
