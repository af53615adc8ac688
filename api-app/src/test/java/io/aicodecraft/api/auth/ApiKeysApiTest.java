package io.aicodecraft.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.DatabaseConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.aicodecraft.api.auth.KeyedApi.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Keys as an admin and a client see them, on an API outside dev mode. */
class ApiKeysApiTest {
    private static KeyedApi keyed;
    private static ApiClient api;
    private final UUID owner = UUID.randomUUID();

    @BeforeAll
    static void start() {
        keyed = KeyedApi.start(10_000);
        api = keyed.client();
    }

    @AfterAll
    static void stop() {
        keyed.close();
    }

    private Reply generate(String key, String prompt) {
        return api.withKey("POST", "/v1/generations", key, "{\"prompt\":\"" + prompt + "\",\"language\":\"go\"}");
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.body().path("detail").asText()).isNotBlank();
    }

    @Test
    void createdKeyIsReturnedOnceWithItsOwner() {
        Reply created = api.withKey("POST", "/v1/keys", ADMIN_KEY, "{\"name\":\"ci\",\"owner\":\"" + owner + "\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.body();
        assertThat(body.path("key").asText()).matches("aicc_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(body.path("key").asText()).startsWith("aicc_" + body.path("prefix").asText() + "_");
        assertThat(body.path("owner").asText()).isEqualTo(owner.toString());
        assertThat(body.path("name").asText()).isEqualTo("ci");
        assertThat(body.path("revokedAt").isNull()).isTrue();
    }

    @Test
    void listingShowsPrefixesButNeverKeysOrHashes() {
        String key = keyed.newKey(owner);

        Reply listed = api.withKey("GET", "/v1/keys?owner=" + owner, ADMIN_KEY, null);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("items")).hasSize(1);
        JsonNode item = listed.body().path("items").get(0);
        assertThat(key).contains(item.path("prefix").asText());
        assertThat(item.has("key")).isFalse();
        assertThat(listed.body().toString()).doesNotContain(key.substring(18)).doesNotContainIgnoringCase("hash");
    }

    @Test
    void keyIsStoredOnlyAsItsSha256() throws Exception {
        String key = keyed.newKey(owner);
        DatabaseConfig db = TestServers.shared().database();

        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement select = c.prepareStatement("SELECT * FROM api_keys WHERE owner_id = ?")) {
            select.setObject(1, owner);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBytes("key_hash"))
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    assertThat(String.valueOf(row.getObject(column))).doesNotContain(key.substring(18));
                }
            }
        }
    }

    @Test
    void aKeyCallsTheApiAsItsOwner() {
        String first = keyed.newKey(owner);
        String second = keyed.newKey(owner);
        String stranger = keyed.newKey(UUID.randomUUID());

        Reply generated = generate(first, "owned " + UUID.randomUUID());

        assertThat(generated.status()).isEqualTo(200);
        String id = generated.body().path("id").asText();
        assertThat(api.withKey("GET", "/v1/generations", second, null).body().path("items").get(0).path("id").asText())
                .as("another key of the same owner sees the same history").isEqualTo(id);
        assertThat(api.withKey("GET", "/v1/generations", stranger, null).body().path("items")).isEmpty();
    }

    @Test
    void requestWithoutKeyIs401AskingForABearerToken() {
        Reply reply = generate(null, "anonymous");

        assertProblem(reply, 401);
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"aicodecraft\"");
    }

    @Test
    void every401AsksForABearerToken() {
        String key = keyed.newKey(owner);
        var refusals = java.util.List.of(
                api.withKey("GET", "/v1/keys", null, null),
                api.withHeader("GET", "/v1/keys", "Authorization", "Basic " + key, null),
                api.withHeader("GET", "/v1/generations", "Authorization", "Basic " + key, null));

        assertThat(refusals).allSatisfy(reply -> {
            assertProblem(reply, 401);
            assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"aicodecraft\"");
        });
    }

    @Test
    void theAdminKeyOnACallerRouteIsToldItIsTheAdminKey() {
        Reply reply = api.withKey("GET", "/v1/generations", ADMIN_KEY, null);

        assertProblem(reply, 401);
        assertThat(reply.body().path("detail").asText()).contains("admin key").contains("/v1/keys");
    }

    @Test
    void anUnknownPathIs404WhateverTheCredentials() {
        assertProblem(api.withKey("GET", "/v2/generations", null, null), 404);
        assertProblem(api.withKey("GET", "/v2/generations", "not-a-key", null), 404);
        assertProblem(api.withKey("GET", "/v2/generations", keyed.newKey(owner), null), 404);
    }

    @Test
    void userIdHeaderNamesNoCallerOutsideDevMode() {
        assertProblem(api.getAs("/v1/generations", owner.toString()), 401);
    }

    @Test
    void unknownKeyOfTheRightShapeIs401() {
        String key = keyed.newKey(owner);
        String forged = key.substring(0, key.length() - 4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertProblem(generate(forged, "forged"), 401);
    }

    @Test
    void authorizationThatIsNotABearerTokenIs401() {
        String key = keyed.newKey(owner);

        assertProblem(api.withHeader("GET", "/v1/generations", "Authorization", "Basic " + key, null), 401);
    }

    @Test
    void revokedKeyIsRefusedAtOnceOnEveryInstance() {
        String key = keyed.newKey(owner);
        try (KeyedApi other = KeyedApi.start(10_000)) {
            assertThat(other.client().withKey("GET", "/v1/generations", key, null).status()).isEqualTo(200);
            String id = api.withKey("GET", "/v1/keys?owner=" + owner, ADMIN_KEY, null).body().path("items").get(0)
                    .path("id").asText();

            Reply revoked = api.withKey("DELETE", "/v1/keys/" + id, ADMIN_KEY, null);

            assertThat(revoked.status()).isEqualTo(204);
            assertProblem(other.client().withKey("GET", "/v1/generations", key, null), 401);
            assertProblem(api.withKey("GET", "/v1/generations", key, null), 401);
            assertThat(api.withKey("GET", "/v1/keys?owner=" + owner, ADMIN_KEY, null).body().path("items").get(0)
                    .path("revokedAt").asText()).isNotBlank();
        }
    }

    @Test
    void keysCannotBeManagedWithAnApiKey() {
        String key = keyed.newKey(owner);

        assertProblem(api.withKey("POST", "/v1/keys", key, "{\"name\":\"escalate\"}"), 401);
        assertProblem(api.withKey("GET", "/v1/keys", key, null), 401);
        assertProblem(api.withKey("GET", "/v1/keys", null, null), 401);
    }

    @Test
    void revokingAKeyThatDoesNotExistIs404() {
        assertProblem(api.withKey("DELETE", "/v1/keys/" + UUID.randomUUID(), ADMIN_KEY, null), 404);
    }

    @Test
    void revokingWithAMalformedIdIs400NamingIt() {
        Reply reply = api.withKey("DELETE", "/v1/keys/not-a-uuid", ADMIN_KEY, null);

        assertProblem(reply, 400);
        assertThat(reply.body().path("field").asText()).isEqualTo("id");
    }

    @Test
    void keyWithoutNameIs400NamingIt() {
        Reply reply = api.withKey("POST", "/v1/keys", ADMIN_KEY, "{\"owner\":\"" + owner + "\"}");

        assertProblem(reply, 400);
        assertThat(reply.body().path("field").asText()).isEqualTo("name");
    }

    @Test
    void keyNameWithNulIs400NamingIt() {
        Reply reply = api.withKey("POST", "/v1/keys", ADMIN_KEY, "{\"name\":\"a\\u0000b\"}");

        assertProblem(reply, 400);
        assertThat(reply.body().path("field").asText()).isEqualTo("name");
    }

    @Test
    void keyForAnOwnerThatIsNotAUuidIs400NamingIt() {
        Reply reply = api.withKey("POST", "/v1/keys", ADMIN_KEY, "{\"name\":\"x\",\"owner\":\"bob\"}");

        assertProblem(reply, 400);
        assertThat(reply.body().path("field").asText()).isEqualTo("owner");
    }

    @Test
    void healthAndMetricsNeedNoKey() {
        assertThat(api.get("/health/live").status()).isEqualTo(200);
        assertThat(api.get("/metrics").status()).isEqualTo(200);
    }
}
