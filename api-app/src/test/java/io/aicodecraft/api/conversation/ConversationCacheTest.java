package io.aicodecraft.api.conversation;

import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.OwnRedis;
import io.aicodecraft.api.ai.Language;
import io.aicodecraft.api.store.RedisKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.aicodecraft.api.conversation.ConversationRequests.behindTheApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conversation reads come from Redis, which every change writes through. To see where a read came from, the test
 * changes a row behind the API's back: a read from Redis still shows the old title, one from PostgreSQL the new.
 * A Redis of its own is stopped to show that the API then serves from PostgreSQL alone.
 */
class ConversationCacheTest {
    private static OwnRedis redis;
    private static ApiServer server;
    private static ConversationRequests requests;
    private final UUID owner = UUID.randomUUID();

    @BeforeAll
    static void start() throws IOException {
        redis = OwnRedis.started();
        server = ApiServer.start(redis.api(), "127.0.0.1");
        requests = new ConversationRequests(new ApiClient(URI.create("http://127.0.0.1:" + server.port())));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        redis.close();
    }

    private static String entry(String id) {
        return redis.cache().get(RedisKeys.conversation(UUID.fromString(id))).orElse("");
    }

    private static long revision(String id) {
        return Long.parseLong(entry(id).substring(0, entry(id).indexOf('\n')));
    }

    private static void retitleBehindTheApi(String id) {
        assertThat(behindTheApi("UPDATE conversations SET title = 'changed behind the api' WHERE id = ?", id)).isOne();
    }

    @Test
    void everyChangeIsWrittenThroughToRedis() {
        String id = requests.create(owner);
        assertThat(entry(id)).startsWith("1\n" + owner + "\n").contains("\"title\":\"a chat\"");

        requests.api().send("PATCH", "/v1/conversations/" + id, owner, "{\"title\":\"renamed\"}");

        assertThat(revision(id)).isEqualTo(2);
        assertThat(entry(id)).contains("\"title\":\"renamed\"").doesNotContain("a chat");
        requests.say(owner, id, "write a trie");
        assertThat(revision(id)).isEqualTo(3);
        assertThat(entry(id)).contains("write a trie");
    }

    @Test
    void aReadIsAnsweredFromRedis() {
        String id = requests.create(owner);
        requests.say(owner, id, "write a heap");

        retitleBehindTheApi(id);

        assertThat(requests.read(owner, id).path("title").asText()).isEqualTo("a chat");
        assertThat(requests.read(owner, id).path("messages")).hasSize(2);
    }

    @Test
    void aMissIsFilledFromPostgres() {
        String id = requests.create(owner);
        redis.cache().attempt(jedis -> jedis.del(RedisKeys.conversation(UUID.fromString(id))));
        retitleBehindTheApi(id);

        assertThat(requests.read(owner, id).path("title").asText()).isEqualTo("changed behind the api");
        assertThat(entry(id)).contains("changed behind the api");
    }

    @Test
    void aDeletedConversationIsA404FromRedisToo() {
        String id = requests.create(owner);
        requests.api().send("DELETE", "/v1/conversations/" + id, owner, null);

        assertThat(entry(id)).isEqualTo("2\n-\n");
        assertThat(requests.api().get("/v1/conversations/" + id, owner).status()).isEqualTo(404);
    }

    @Test
    void anOlderRevisionNeverReplacesANewerOne() {
        var cache = new ConversationCache(redis.cache(), ApiClient.json().copy().registerModule(new JavaTimeModule()),
                Duration.ofMinutes(1));
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();

        cache.put(stored(id, 2, "newer", now), List.of());
        cache.put(stored(id, 1, "older", now), List.of());

        assertThat(cache.get(id).flatMap(ConversationCache.Entry::view).orElseThrow().conversation().title())
                .isEqualTo("newer");
    }

    private StoredConversation stored(UUID id, long revision, String title, Instant now) {
        return new StoredConversation(owner, revision, new Conversation(id, title, Language.JAVA, null, "template",
                List.of(), false, false, now, now, null, null));
    }

    @Test
    void withRedisDownConversationsAreServedFromPostgres() throws IOException {
        String id = requests.create(owner);
        requests.read(owner, id);
        redis.whileDown(() -> {
            retitleBehindTheApi(id);

            assertThat(requests.read(owner, id).path("title").asText()).isEqualTo("changed behind the api");
            String created = requests.create(owner);
            requests.say(owner, created, "write a deque");
            Reply patched = requests.api().send("PATCH", "/v1/conversations/" + created, owner, "{\"pinned\":true}");
            assertThat(patched.status()).isEqualTo(200);
            assertThat(requests.read(owner, created).path("messages")).hasSize(2);
            assertThat(requests.read(owner, created).path("pinned").asBoolean()).isTrue();
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                requests.api().get("/health/ready").body().path("status").asText()).isEqualTo("up"));
    }
}
