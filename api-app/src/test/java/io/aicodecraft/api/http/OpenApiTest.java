package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.ai.Language;
import io.aicodecraft.api.auth.KeyedApi;
import io.aicodecraft.api.chain.ChainStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document at {@code /openapi} against the server that serves it. */
class OpenApiTest {
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static KeyedApi keyed;
    private static ApiClient api;
    private static String key;
    private static JsonNode document;

    private record Operation(String method, String path, JsonNode spec) {
        boolean forAdmin() {
            return StreamSupport.stream(spec.path("security").spliterator(), false).anyMatch(s -> s.has("adminKey"));
        }
    }

    @BeforeAll
    static void start() {
        keyed = KeyedApi.start(10_000);
        api = keyed.client();
        key = keyed.newKey(UUID.randomUUID());
        Reply reply = api.withHeader("GET", "/openapi", "Accept", "application/json", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().isObject()).as("a JSON document: %s", reply.body()).isTrue();
        document = reply.body();
    }

    @AfterAll
    static void stop() {
        keyed.close();
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> METHODS.stream()
                .filter(method -> path.getValue().has(method))
                .forEach(method -> operations.add(new Operation(method, path.getKey(), path.getValue().path(method)))));
        return operations;
    }

    private static Reply call(Operation operation, String body) {
        String path = operation.path().replace("{id}", UUID.randomUUID().toString())
                .replace("{messageId}", UUID.randomUUID().toString());
        String token = operation.forAdmin() ? KeyedApi.ADMIN_KEY : key;
        return api.withKey(operation.method().toUpperCase(Locale.ROOT), path, token, body);
    }

    private static List<String> enumOf(String schema) {
        List<String> values = new ArrayList<>();
        document.path("components").path("schemas").path(schema).path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void isAnOpenApi31DocumentOfEveryPart() {
        assertThat(document.path("openapi").asText()).startsWith("3.1");
        assertThat(document.path("paths").properties().stream().map(Map.Entry::getKey))
                .contains("/v1/generations", "/v1/conversions", "/v1/templates", "/v1/chains", "/v1/conversations",
                        "/v1/conversations/{id}/messages", "/v1/keys",
                        "/health/ready", "/metrics", "/openapi");
    }

    @Test
    void everyDocumentedOperationIsServed() {
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
        for (Operation operation : operations) {
            Reply reply = call(operation, operation.method().equals("get") || operation.method().equals("delete")
                    ? null : "{}");

            assertThat(reply.status()).as("%s %s: %s", operation.method(), operation.path(), reply.body())
                    .isNotEqualTo(405);
            assertThat(reply.body().path("type").asText()).as("%s %s is routed", operation.method(), operation.path())
                    .isNotEqualTo(ProblemType.NOT_FOUND.type().toString());
        }
    }

    @Test
    void everyRequestExampleIsAcceptedWithTheDocumentedSuccess() {
        List<Operation> withExamples = operations().stream()
                .filter(operation -> operation.spec().at("/requestBody/content/application~1json").has("example"))
                .toList();
        assertThat(withExamples).hasSizeGreaterThanOrEqualTo(5);
        for (Operation operation : withExamples) {
            JsonNode example = operation.spec().at("/requestBody/content/application~1json/example");
            String success = operation.spec().path("responses").properties().stream().map(Map.Entry::getKey)
                    .filter(status -> status.startsWith("2")).findFirst().orElseThrow();

            Reply reply = call(operation, example.toString());

            assertThat(reply.status()).as("%s %s with its example: %s", operation.method(), operation.path(),
                    reply.body()).isEqualTo(Integer.parseInt(success));
        }
    }

    @Test
    void everyProblemTypeIsDocumentedAndNoOther() {
        List<String> documented = new ArrayList<>();
        document.at("/components/schemas/Problem/properties/type/enum").forEach(v -> documented.add(v.asText()));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ProblemType.values()).map(type -> type.type().toString()).toList());
    }

    @Test
    void languagesAndChainStatusesAreTheApisOwn() {
        assertThat(enumOf("Language")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Language.values()).map(Language::id).toList());
        assertThat(enumOf("ChainStatus")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ChainStatus.values()).map(ChainStatus::id).toList());
    }
}
