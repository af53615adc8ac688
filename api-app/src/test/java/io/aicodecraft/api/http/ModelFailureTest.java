package io.aicodecraft.api.http;

import com.sun.net.httpserver.HttpServer;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.ModelConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ModelFailureTest {

    @Test
    void failingModelIsA502Problem() throws IOException {
        HttpServer broken = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        broken.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        broken.start();
        ModelConfig model = new ModelConfig(ModelConfig.Provider.OPENAI,
                Optional.of(URI.create("http://127.0.0.1:" + broken.getAddress().getPort() + "/v1/")),
                Optional.of("coder"), Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(2));
        try (ApiServer server = ApiServer.start(TestServers.shared().api(model), "127.0.0.1")) {
            ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + server.port()));

            Reply reply = api.post("/v1/generations", UUID.randomUUID(),
                    "{\"prompt\":\"" + UUID.randomUUID() + "\",\"language\":\"java\"}");

            assertThat(reply.status()).isEqualTo(502);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.body().path("type").asText()).endsWith("/model-failure");
        } finally {
            broken.stop(0);
        }
    }
}
