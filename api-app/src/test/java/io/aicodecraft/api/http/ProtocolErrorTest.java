package io.aicodecraft.api.http;

import io.aicodecraft.api.SharedApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the web server refuses before routing are answered with problem+json too (issue 11 item 4). */
class ProtocolErrorTest {

    private static final String USER = "X-User-Id: " + UUID.randomUUID() + "\r\n";

    // Helidon 4.5 answers an oversized header and an unknown HTTP version with a bare 400 and no reason, so
    // these cannot be told apart to answer 431 and 505; they are problem+json 400s
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("bad percent-encoding in the query", "GET /v1/generations?limit=%zz HTTP/1.1\r\nHost: x\r\n"
                        + USER + "\r\n", 400),
                Arguments.of("bad percent-encoding in the path", "GET /v1/templates/%zz HTTP/1.1\r\nHost: x\r\n"
                        + USER + "\r\n", 400),
                Arguments.of("a header line without a colon", "GET /v1/generations HTTP/1.1\r\nHost: x\r\n" + USER
                        + "this is not a header\r\n\r\n", 400),
                Arguments.of("a 17 KB header", "GET /v1/generations HTTP/1.1\r\nHost: x\r\n" + USER
                        + "X-Big: " + "a".repeat(17 * 1024) + "\r\n\r\n", 400),
                Arguments.of("a URI over 8 KB", "GET /v1/generations?q=" + "a".repeat(9 * 1024) + " HTTP/1.1\r\nHost: x\r\n"
                        + USER + "\r\n", 414),
                Arguments.of("an unknown HTTP version", "GET /v1/generations HTTP/9.9\r\nHost: x\r\n" + USER + "\r\n", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isAProblemJsonWithItsStatus(String what, String request, int status) throws IOException {
        URI base = SharedApi.client().baseUri();
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 " + status)
                    .containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"status\":" + status);
        }
    }
}
