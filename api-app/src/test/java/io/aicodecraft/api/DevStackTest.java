package io.aicodecraft.api;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevStackTest {

    @Test
    void servesAReadyApiOnLoopbackAndStopsEverythingOnClose() {
        URI base;
        try (DevStack stack = DevStack.start(0)) {
            base = stack.baseUri();
            ApiClient api = new ApiClient(base);

            assertThat(base.getHost()).isEqualTo("127.0.0.1");
            assertThat(api.get("/health/ready").body().path("status").asText()).isEqualTo("up");
            UUID user = UUID.randomUUID();
            api.post("/v1/generations", user, "{\"prompt\":\"hello world\",\"language\":\"typescript\"}");
            assertThat(api.post("/v1/generations", user, "{\"prompt\":\"hello world\",\"language\":\"typescript\"}")
                    .body().path("cached").asBoolean(false)).isTrue();
        }

        HttpRequest request = HttpRequest.newBuilder(base.resolve("/health/live")).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(ConnectException.class);
    }
}
