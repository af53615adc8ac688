package io.aicodecraft.api.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.auth.KeyedApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** A conversation's answers are counted and charged to the caller's key like generations, and measured by route. */
class ConversationUsageTest {
    private static KeyedApi keyed;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        keyed = KeyedApi.start(10_000);
        api = keyed.client();
    }

    @AfterAll
    static void stop() {
        keyed.close();
    }

    private static JsonNode route(String key, String route) {
        JsonNode routes = api.withKey("GET", "/v1/usage", key, null).body().path("today").path("routes");
        return StreamSupport.stream(routes.spliterator(), false)
                .filter(r -> r.path("route").asText().equals(route)).findFirst().orElseThrow();
    }

    @Test
    void anAnswerCostsItsTokensAndACachedOneNone() {
        String key = keyed.newKey(UUID.randomUUID());
        String message = "{\"content\":\"usage " + UUID.randomUUID() + "\"}";
        String first = api.withKey("POST", "/v1/conversations", key, "{\"title\":\"t\",\"language\":\"sql\"}")
                .body().path("id").asText();
        Reply answered = api.withKey("POST", "/v1/conversations/" + first + "/messages", key, message);
        long charged = route(key, "/v1/conversations").path("tokens").asLong();
        String second = api.withKey("POST", "/v1/conversations", key, "{\"title\":\"t\",\"language\":\"sql\"}")
                .body().path("id").asText();

        Reply cached = api.withKey("POST", "/v1/conversations/" + second + "/messages", key, message);

        assertThat(answered.status()).isEqualTo(201);
        assertThat(charged).as("the model call's estimated tokens").isPositive();
        assertThat(cached.body().path("cached").asBoolean()).isTrue();
        JsonNode usage = route(key, "/v1/conversations");
        assertThat(usage.path("tokens").asLong()).isEqualTo(charged);
        assertThat(usage.path("requests").asLong()).as("two creations, two messages").isEqualTo(4);
    }

    @Test
    void theMetricsNameTheRoutePatternNotTheIds() {
        String key = keyed.newKey(UUID.randomUUID());
        String id = api.withKey("POST", "/v1/conversations", key, "{\"title\":\"t\",\"language\":\"go\"}")
                .body().path("id").asText();
        api.withKey("GET", "/v1/conversations/" + id, key, null);

        String metrics = api.get("/metrics").body().asText();

        assertThat(metrics).contains("route=\"/v1/conversations/{id}\",status=\"200\"")
                .contains("route=\"/v1/conversations\",status=\"201\"")
                .doesNotContain(id);
    }
}
