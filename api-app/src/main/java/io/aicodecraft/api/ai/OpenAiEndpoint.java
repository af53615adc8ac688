package io.aicodecraft.api.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.config.ModelConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * One route of an OpenAI-compatible service ({@code {baseUrl}chat/completions}, {@code {baseUrl}embeddings}): a JSON
 * POST with the API key. One retry on a 5xx answer or a timeout, since both are usually passing; anything else is
 * reported at once as a {@link ModelFailureException} naming {@code what} answered ("the code model").
 */
final class OpenAiEndpoint {
    private static final int ATTEMPTS = 2;

    private final ObjectMapper json;
    private final HttpClient http;
    private final URI endpoint;
    private final Optional<String> apiKey;
    private final Duration readTimeout;
    private final String what;

    OpenAiEndpoint(ModelConfig config, String route, ObjectMapper json, String what) {
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .build();
        this.endpoint = config.baseUrl().orElseThrow().resolve(route);
        this.apiKey = config.apiKey();
        this.readTimeout = config.readTimeout();
        this.what = what;
    }

    /** The parsed body of the 200 answer to {@code body}. */
    JsonNode post(ObjectNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt == ATTEMPTS;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 500 && !last) {
                    continue;
                }
                if (status != 200) {
                    throw new ModelFailureException(what + " answered HTTP " + status);
                }
                return parse(response.body());
            } catch (HttpTimeoutException e) {
                if (last) {
                    throw new ModelFailureException(what + " did not answer within " + readTimeout.toMillis() + " ms", e);
                }
            } catch (IOException e) {
                throw new ModelFailureException(what + " could not be reached: " + e.getClass().getSimpleName(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelFailureException("interrupted while waiting for " + what, e);
            }
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new ModelFailureException(what + " answered with malformed JSON", e);
        }
    }
}
