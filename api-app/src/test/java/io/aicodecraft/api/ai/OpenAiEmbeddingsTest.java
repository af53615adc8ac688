package io.aicodecraft.api.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OpenAI-compatible {@code /v1/embeddings} route, against a small fake of the provider on a free port. */
class OpenAiEmbeddingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    /** The status and body of the n-th answer (0-based), given the request's texts. */
    private volatile IntFunction<Answer> answers;

    private record Answer(int status, String body) {
    }

    @BeforeEach
    void startFakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/embeddings", exchange -> {
            requests.add(JSON.readTree(exchange.getRequestBody()));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            reply(exchange, answers.apply(attempts.getAndIncrement()));
        });
        server.start();
    }

    @AfterEach
    void stopFakeProvider() {
        server.stop(0);
    }

    private OpenAiEmbeddings embeddings() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/");
        return new OpenAiEmbeddings(new ModelConfig(ModelConfig.Provider.OPENAI, Optional.of(base),
                Optional.of("coder-1"), Optional.of("sk-test"), Duration.ofSeconds(2), Duration.ofSeconds(2)),
                "text-embedding-3-small");
    }

    private static void reply(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** An answer with one vector per index in {@code order}, each filled with (index + 1) / 1000 in every component. */
    private static Answer vectors(int dimensions, int... order) {
        ObjectNode body = JSON.createObjectNode().put("object", "list");
        ArrayNode data = body.putArray("data");
        for (int index : order) {
            ArrayNode vector = data.addObject().put("object", "embedding").put("index", index).putArray("embedding");
            for (int i = 0; i < dimensions; i++) {
                vector.add((index + 1) / 1000.0);
            }
        }
        return new Answer(200, body.toString());
    }

    @Test
    void sendsEveryTextInOneRequestAskingFor384DimensionsWithTheKey() {
        answers = n -> vectors(384, 0, 1);

        embeddings().embed(List.of("reverse a string", "sort a list"));

        assertThat(requests).hasSize(1);
        JsonNode request = requests.getFirst();
        assertThat(request.path("model").asText()).isEqualTo("text-embedding-3-small");
        assertThat(request.path("dimensions").asInt()).isEqualTo(384);
        assertThat(request.path("input")).extracting(JsonNode::asText).containsExactly("reverse a string", "sort a list");
        assertThat(authorizations).containsExactly("Bearer sk-test");
    }

    @Test
    void vectorsComeBackInTheOrderOfTheTextsWhateverTheOrderOfTheAnswer() {
        answers = n -> vectors(384, 1, 0);

        List<float[]> vectors = embeddings().embed(List.of("first", "second"));

        assertThat(vectors.get(0)[0]).isEqualTo(0.001f);
        assertThat(vectors.get(1)[383]).isEqualTo(0.002f);
    }

    @Test
    void aVectorOfAnotherSizeIsAModelFailureThatSaysWhatToChange() {
        answers = n -> vectors(1536, 0);

        assertThatThrownBy(() -> embeddings().embed(List.of("text")))
                .isInstanceOf(ModelFailureException.class)
                .hasMessageContaining("1536 dimensions").hasMessageContaining("aicc.search.embedding.model");
    }

    @Test
    void tooFewEmbeddingsAreAModelFailure() {
        answers = n -> vectors(384, 0);

        assertThatThrownBy(() -> embeddings().embed(List.of("one", "two")))
                .isInstanceOf(ModelFailureException.class).hasMessageContaining("1 embeddings for 2 texts");
    }

    @Test
    void aServerErrorIsRetriedOnce() {
        answers = n -> n == 0 ? new Answer(503, "{}") : vectors(384, 0);

        assertThat(embeddings().embed(List.of("text"))).hasSize(1);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aRefusalIsAModelFailureAtOnce() {
        answers = n -> new Answer(401, "{\"error\":{\"message\":\"bad key\"}}");

        assertThatThrownBy(() -> embeddings().embed(List.of("text")))
                .isInstanceOf(ModelFailureException.class).hasMessageContaining("embedding model answered HTTP 401");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aLongTextIsSentByItsStart() {
        answers = n -> vectors(384, 0);

        embeddings().embed(List.of("x".repeat(OpenAiEmbeddings.MAX_TEXT_CHARS + 500)));

        assertThat(requests.getFirst().path("input").get(0).asText()).hasSize(OpenAiEmbeddings.MAX_TEXT_CHARS);
    }
}
