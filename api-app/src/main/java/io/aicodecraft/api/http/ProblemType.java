package io.aicodecraft.api.http;

import java.net.URI;

/** The kinds of problem the API reports, each with a stable {@code type} URI and an HTTP status. */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "The request is invalid"),
    UNAUTHORIZED(401, "unauthorized", "A valid API key is required"),
    NOT_FOUND(404, "not-found", "No such resource"),
    KEY_NOT_FOUND(404, "key-not-found", "No such API key"),
    NOT_TEMPLATE_OWNER(403, "not-template-owner", "Only the template's owner may change it"),
    TEMPLATE_NOT_FOUND(404, "template-not-found", "No such template or version"),
    CHAIN_NOT_FOUND(404, "chain-not-found", "No such chain"),
    CONVERSATION_NOT_FOUND(404, "conversation-not-found", "No such conversation"),
    MESSAGE_NOT_FOUND(404, "message-not-found", "No such message in this conversation"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    RATE_LIMITED(429, "rate-limited", "Too many requests for this API key"),
    QUOTA_EXCEEDED(429, "quota-exceeded", "This API key's daily quota is spent"),
    MODEL_FAILURE(502, "model-failure", "The code model failed"),
    DATABASE_UNAVAILABLE(503, "database-unavailable", "The database is unavailable"),
    RATE_LIMITER_UNAVAILABLE(503, "rate-limiter-unavailable", "The rate limiter is unavailable"),
    QUEUE_UNAVAILABLE(503, "queue-unavailable", "The chain queue is unavailable"),
    INTERNAL(500, "internal", "Internal error"),
    SEARCH_UNAVAILABLE(501, "search-unavailable", "Semantic search is not available on this server");

    private static final String BASE = "https://aicodecraft.io/problems/";

    private final int status;
    private final URI type;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }
}
