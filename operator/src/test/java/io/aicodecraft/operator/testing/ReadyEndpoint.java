package io.aicodecraft.operator.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for the API pods behind the API Service in the mock-cluster tests, where no pod runs:
 * it answers {@code GET /health/ready} with whatever status and body the test sets. The probe's
 * behaviour against the real API is tested separately, with the real API.
 */
public final class ReadyEndpoint implements AutoCloseable {

    private final HttpServer server;
    private volatile int status = 200;
    private volatile String body = "{\"status\":\"up\"}";

    public ReadyEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/health/ready", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void answer(int status, String body) {
        this.status = status;
        this.body = body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
