package io.aicodecraft.api.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.aicodecraft.api.config.ModelConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for an OpenAI-compatible model service that keeps every request's messages and answers each with
 * {@link #ANSWER}, so a test sees exactly what the API sent as context.
 */
final class RecordingModel implements AutoCloseable {
    static final String ANSWER = "class A {}\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    private RecordingModel(HttpServer server) {
        this.server = server;
    }

    static RecordingModel started() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            RecordingModel model = new RecordingModel(server);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/v1/chat/completions", exchange -> {
                model.requests.add(JSON.readTree(exchange.getRequestBody()));
                byte[] body = JSON.createObjectNode().set("choices", JSON.createArrayNode().add(JSON.createObjectNode()
                                .set("message", JSON.createObjectNode().put("role", "assistant")
                                        .put("content", "```java\n" + ANSWER + "```"))))
                        .toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ModelConfig config() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/");
        return new ModelConfig(ModelConfig.Provider.OPENAI, Optional.of(base), Optional.of("coder-1"),
                Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** How many requests reached the model. */
    int calls() {
        return requests.size();
    }

    /** The messages of the last request, each as {@code role: content}. */
    List<String> lastMessages() {
        List<String> messages = new CopyOnWriteArrayList<>();
        requests.getLast().path("messages").forEach(m ->
                messages.add(m.path("role").asText() + ": " + m.path("content").asText()));
        return messages;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
