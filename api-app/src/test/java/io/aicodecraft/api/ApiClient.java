package io.aicodecraft.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A small HTTP client for the API under test. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Duration timeout;

    public ApiClient(URI base) {
        this(base, Duration.ofSeconds(30));
    }

    /** @param timeout how long a request may take before the client gives up, as a kubelet probe does */
    public ApiClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    /** Where the API listens, for a test that writes raw HTTP. */
    public URI baseUri() {
        return base;
    }

    public record Reply(int status, String contentType, JsonNode body, java.net.http.HttpHeaders headers) {
        public java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    public Reply post(String path, UUID user, String body) {
        return send(request(path, user).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST without Content-Length (chunked), so the server learns the size only by reading. */
    public Reply postChunked(String path, UUID user, String body) {
        return send(request(path, user).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }

    public Reply post(String path, UUID user, JsonNode body) {
        return post(path, user, body.toString());
    }

    /** Any method as dev mode's {@code X-User-Id} caller; body may be null. */
    public Reply send(String method, String path, UUID user, String body) {
        return withHeader(method, path, "X-User-Id", user.toString(), body);
    }

    public Reply get(String path, UUID user) {
        return send(request(path, user).GET());
    }

    /** A GET with {@code X-User-Id} exactly as given, valid or not. */
    public Reply getAs(String path, String rawUserId) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("X-User-Id", rawUserId).GET());
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET());
    }

    /** A request with {@code Authorization: Bearer <token>} (none when null) and no {@code X-User-Id}; body may be null. */
    public Reply withKey(String method, String path, String token, String body) {
        return withHeader(method, path, "Authorization", token == null ? null : "Bearer " + token, body);
    }

    /** A request with one header as given (none when {@code value} is null) and no other; body may be null. */
    public Reply withHeader(String method, String path, String name, String value, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (value != null) {
            builder.header(name, value);
        }
        return send(builder);
    }

    public static ObjectMapper json() {
        return JSON;
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private HttpRequest.Builder request(String path, UUID user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json");
        if (user != null) {
            builder.header("X-User-Id", user.toString());
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    parse(body), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
