package io.aicodecraft.api.auth;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.AccessConfig;
import io.aicodecraft.api.config.ApiConfig;
import io.aicodecraft.api.config.ModelConfig;

import java.net.URI;
import java.util.UUID;

/**
 * An API as deployed (not dev mode: only keys name the caller) on the shared test servers, with an admin key and a
 * rate limit of the test's choosing; close it when done.
 */
public final class KeyedApi implements AutoCloseable {
    public static final String ADMIN_KEY = "test-admin-key-" + UUID.randomUUID();

    private final ApiServer server;
    private final ApiClient client;

    private KeyedApi(ApiServer server) {
        this.server = server;
        this.client = new ApiClient(URI.create("http://127.0.0.1:" + server.port()));
    }

    public static KeyedApi start(int requestsPerMinute) {
        return start(TestServers.shared().api(ModelConfig.template()), requestsPerMinute, true);
    }

    /** On {@code base}'s servers, with this module's admin key and the given budget and Redis-down behaviour. */
    public static KeyedApi start(ApiConfig base, int requestsPerMinute, boolean failOpen) {
        AccessConfig access = AccessConfig.defaults().withAdminKey(ADMIN_KEY).withRequestsPerMinute(requestsPerMinute)
                .withFailOpen(failOpen);
        return new KeyedApi(ApiServer.start(base.withAccess(access), "127.0.0.1"));
    }

    /** Like {@link #start(int)}, with the quota settings of the test's choosing. */
    public static KeyedApi start(int requestsPerMinute, io.aicodecraft.api.config.QuotaConfig quota) {
        ApiConfig base = TestServers.shared().api(ModelConfig.template()).withQuota(quota);
        return start(base, requestsPerMinute, true);
    }

    public ApiClient client() {
        return client;
    }

    /** Creates a key for {@code owner} with the admin key and returns its plain text. */
    public String newKey(UUID owner) {
        Reply created = client.withKey("POST", "/v1/keys", ADMIN_KEY,
                "{\"name\":\"test\",\"owner\":\"" + owner + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create a key: " + created);
        }
        return created.body().path("key").asText();
    }

    @Override
    public void close() {
        server.close();
    }
}
