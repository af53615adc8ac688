package io.aicodecraft.api.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aicodecraft.api.config.ModelConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The openai provider against a local server speaking the chat-completions protocol. */
class OpenAiCodeModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CodeTask TASK = new CodeTask.Generate("add two numbers", Language.PYTHON);

    /** What the fake service does for the n-th request (0-based). */
    @FunctionalInterface
    interface Behaviour {
        void answer(int attempt, HttpExchange exchange) throws IOException;
    }

    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile Behaviour behaviour;

    @BeforeEach
    void startFakeService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(JSON.readTree(exchange.getRequestBody()));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            behaviour.answer(attempts.getAndIncrement(), exchange);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopFakeService() {
        server.stop(0);
    }

    private OpenAiCodeModel model(Duration readTimeout) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/");
        return new OpenAiCodeModel(new ModelConfig(ModelConfig.Provider.OPENAI, Optional.of(base),
                Optional.of("coder-1"), Optional.of("sk-test"), Duration.ofSeconds(2), readTimeout));
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String completion(String content) {
        return JSON.createObjectNode().set("choices", JSON.createArrayNode().add(JSON.createObjectNode()
                .set("message", JSON.createObjectNode().put("role", "assistant").put("content", content)))).toString();
    }

    @Test
    void returnsTheCodeFromTheFencedBlockOfTheAnswer() {
        behaviour = (n, ex) -> reply(ex, 200, completion("Here:\n```python\ndef add(a, b):\n    return a + b\n```\nDone."));

        String code = model(Duration.ofSeconds(5)).complete("coder-1", TASK);

        assertThat(code).isEqualTo("def add(a, b):\n    return a + b\n");
    }

    @Test
    void sendsTheModelTheTaskAndTheBearerKey() {
        behaviour = (n, ex) -> reply(ex, 200, completion("print(1)"));

        model(Duration.ofSeconds(5)).complete("coder-2", TASK);

        JsonNode sent = requests.getFirst();
        assertThat(sent.path("model").asText()).isEqualTo("coder-2");
        assertThat(sent.path("messages").get(1).path("content").asText()).contains("python").contains("add two numbers");
        assertThat(authorizations.getFirst()).isEqualTo("Bearer sk-test");
    }

    @Test
    void retriesOnceAfterAServerError() {
        behaviour = (n, ex) -> {
            if (n == 0) {
                reply(ex, 503, "{\"error\":\"overloaded\"}");
            } else {
                reply(ex, 200, completion("```\nprint('ok')\n```"));
            }
        };

        String code = model(Duration.ofSeconds(5)).complete("coder-1", TASK);

        assertThat(code).isEqualTo("print('ok')\n");
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void failsAfterTwoServerErrors() {
        behaviour = (n, ex) -> reply(ex, 500, "{}");

        assertThatThrownBy(() -> model(Duration.ofSeconds(5)).complete("coder-1", TASK))
                .isInstanceOf(ModelFailureException.class).hasMessageContaining("500");
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void retriesOnceAfterATimeoutThenSucceeds() {
        behaviour = (n, ex) -> {
            if (n == 0) {
                sleep(Duration.ofSeconds(2));
            }
            reply(ex, 200, completion("```go\nfunc add() {}\n```"));
        };

        String code = model(Duration.ofMillis(500)).complete("coder-1", TASK);

        assertThat(code).isEqualTo("func add() {}\n");
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void failsWhenBothAttemptsTimeOut() {
        behaviour = (n, ex) -> {
            sleep(Duration.ofSeconds(2));
            reply(ex, 200, completion("too late"));
        };

        assertThatThrownBy(() -> model(Duration.ofMillis(300)).complete("coder-1", TASK))
                .isInstanceOf(ModelFailureException.class).hasMessageContaining("did not answer within 300 ms");
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void clientErrorIsNotRetried() {
        behaviour = (n, ex) -> reply(ex, 401, "{\"error\":\"bad key\"}");

        assertThatThrownBy(() -> model(Duration.ofSeconds(5)).complete("coder-1", TASK))
                .isInstanceOf(ModelFailureException.class).hasMessageContaining("401");
        assertThat(attempts.get()).isEqualTo(1);
    }

    @Test
    void answerWithoutContentIsAFailure() {
        behaviour = (n, ex) -> reply(ex, 200, "{\"choices\":[]}");

        assertThatThrownBy(() -> model(Duration.ofSeconds(5)).complete("coder-1", TASK))
                .isInstanceOf(ModelFailureException.class).hasMessageContaining("choices[0].message.content");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
