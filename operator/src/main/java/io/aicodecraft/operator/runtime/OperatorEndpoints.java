package io.aicodecraft.operator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** The operator pod's small HTTP server: {@code /healthz}, {@code /readyz} and Prometheus {@code /metrics}. */
public final class OperatorEndpoints implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PLAIN_TEXT = "text/plain; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private OperatorEndpoints(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds {@code address} (port 0 picks a free one) and starts serving. */
    public static OperatorEndpoints start(InetSocketAddress address, Supplier<HealthStatus> liveness,
            Supplier<HealthStatus> readiness, PrometheusMeterRegistry registry) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        server.createContext("/healthz", exchange -> health(exchange, liveness.get()));
        server.createContext("/readyz", exchange -> health(exchange, readiness.get()));
        server.createContext("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, registry::scrape));
        // Kubelet probes and one scraper: virtual threads keep this off the reconcilers' pools.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        return new OperatorEndpoints(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private static void health(HttpExchange exchange, HealthStatus status) throws IOException {
        respond(exchange, status.up() ? 200 : 503, PLAIN_TEXT, () -> status.detail() + "\n");
    }

    private static void respond(HttpExchange exchange, int code, String contentType, Supplier<String> body)
            throws IOException {
        try (exchange) {
            // the contexts match by prefix; only the exact paths exist
            if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                send(exchange, 404, PLAIN_TEXT, "not found\n");
            } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, PLAIN_TEXT, "method not allowed\n");
            } else {
                send(exchange, code, contentType, body.get());
            }
        }
    }

    private static void send(HttpExchange exchange, int code, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
