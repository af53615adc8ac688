package io.aicodecraft.api.http;

import io.aicodecraft.api.SharedApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A chunked body whose chunk size is not hexadecimal is the client's error on every route that reads a body (issue 11 item 3). */
class MalformedChunkedBodyTest {

    @ParameterizedTest
    @ValueSource(strings = {"/v1/generations", "/v1/conversions", "/v1/templates", "/v1/chains"})
    void aBadChunkSizeIs400ProblemJson(String path) throws IOException {
        URI base = SharedApi.client().baseUri();
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "POST " + path + " HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + "\r\n"
                    + "X-User-Id: " + UUID.randomUUID() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n"
                    + "zz\r\n{}\r\n0\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json");
        }
    }
}
