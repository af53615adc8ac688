package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * The web server's own answers to requests it cannot route (bad request line, header or encoding, too large)
 * as {@code application/problem+json}, like every other error of the API; Helidon's default has no body.
 */
public final class ProblemDirectHandler implements DirectHandler {

    private final ObjectMapper json;

    private ProblemDirectHandler(ObjectMapper json) {
        this.json = json;
    }

    /** The handlers for every kind of event the web server answers directly. */
    public static DirectHandlers all(ObjectMapper json) {
        var handler = new ProblemDirectHandler(json);
        var builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        ProblemType type = status.code() >= 500 ? ProblemType.INTERNAL
                : status.code() == 413 ? ProblemType.PAYLOAD_TOO_LARGE : ProblemType.INVALID_REQUEST;
        String body = ProblemMapping.body(json, type, status.reasonPhrase(), status.code(),
                message == null || message.isBlank() ? status.reasonPhrase() : message).toString();
        headers.set(HeaderNames.CONTENT_TYPE, ProblemMapping.MEDIA_TYPE);
        return TransportResponse.builder().status(status).headers(headers).entity(body).build();
    }
}
