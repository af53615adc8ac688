package io.aicodecraft.api;

import io.aicodecraft.api.config.ModelConfig;

import java.net.URI;

/** One API server with the template model on the shared test servers, started once per JVM. */
public final class SharedApi {
    private static ApiServer server;

    private SharedApi() {
    }

    public static synchronized ApiClient client() {
        if (server == null) {
            server = ApiServer.start(TestServers.shared().api(ModelConfig.template()), "127.0.0.1");
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return new ApiClient(URI.create("http://127.0.0.1:" + server.port()));
    }
}
