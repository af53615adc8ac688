package io.aicodecraft.operator.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/** Calls the API's {@code /health/ready} once, bounded by a timeout, and never throws. */
public final class ApiHealthProbe {

    /** The API's readiness endpoint (api-app contract). */
    public static final String READY_PATH = "/health/ready";

    /** The longest part of a non-200 body copied into a message; the body is the API's own summary. */
    private static final int MAX_BODY_CHARS = 200;

    /** What the API answers on /health/ready when Redis is down but PostgreSQL serves. */
    private static final String DEGRADED = "degraded";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    public ApiHealthProbe(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ProbeResult probe(URI baseUri) {
        var target = baseUri.resolve(READY_PATH);
        var request = HttpRequest.newBuilder(target).timeout(timeout).GET().build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return DEGRADED.equals(reportedStatus(response.body()))
                        ? new ProbeResult(ProbeResult.Outcome.DEGRADED, "GET %s answered 200 degraded: %s"
                                .formatted(target, abbreviate(response.body())))
                        : new ProbeResult(ProbeResult.Outcome.READY, "GET %s answered 200".formatted(target));
            }
            return new ProbeResult(ProbeResult.Outcome.NOT_READY, "GET %s answered %d: %s"
                    .formatted(target, response.statusCode(), abbreviate(response.body())));
        } catch (HttpTimeoutException e) {
            return new ProbeResult(ProbeResult.Outcome.TIMED_OUT,
                    "GET %s gave no answer within %d ms".formatted(target, timeout.toMillis()));
        } catch (IOException e) {
            return new ProbeResult(ProbeResult.Outcome.UNREACHABLE,
                    "GET %s failed: %s".formatted(target, describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(ProbeResult.Outcome.UNREACHABLE, "GET %s interrupted".formatted(target));
        }
    }

    /** The API's own verdict, {@code {"status": "up" | "degraded" | "down", ...}}; empty when the body is not that. */
    private static String reportedStatus(String body) {
        try {
            return JSON.readTree(body).path("status").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String abbreviate(String body) {
        var oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_BODY_CHARS ? oneLine : oneLine.substring(0, MAX_BODY_CHARS) + "...";
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }
}
