package io.aicodecraft.api.auth;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.DevStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code dev} command's stack: an admin key of its own, and {@code X-User-Id} accepted beside keys. */
class DevModeAccessTest {
    private static DevStack stack;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        stack = DevStack.start(0);
        api = new ApiClient(stack.baseUri());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void devModeGeneratesAnAdminKeyThatManagesKeys() {
        assertThat(stack.adminKey()).startsWith("aicc_admin_").hasSizeGreaterThan(40);

        Reply created = api.withKey("POST", "/v1/keys", stack.adminKey(), "{\"name\":\"dev\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(api.withKey("GET", "/v1/generations", created.body().path("key").asText(), null).status())
                .isEqualTo(200);
    }

    @Test
    void userIdHeaderNamesTheCallerWithoutAKey() {
        UUID user = UUID.randomUUID();
        api.post("/v1/generations", user, "{\"prompt\":\"dev caller " + user + "\",\"language\":\"go\"}");

        assertThat(api.get("/v1/generations", user).body().path("items")).hasSize(1);
    }

    @Test
    void aKeyStillNamesItsOwnerInDevMode() {
        UUID owner = UUID.randomUUID();
        String key = api.withKey("POST", "/v1/keys", stack.adminKey(),
                "{\"name\":\"dev\",\"owner\":\"" + owner + "\"}").body().path("key").asText();
        api.withKey("POST", "/v1/generations", key, "{\"prompt\":\"dev key " + owner + "\",\"language\":\"go\"}");

        assertThat(api.get("/v1/generations", owner).body().path("items")).hasSize(1);
    }
}
