package io.aicodecraft.api.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicodecraft.api.store.RedisCache;
import io.aicodecraft.api.store.RedisKeys;
import io.aicodecraft.api.store.RedisScript;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversation reads in Redis, written through on every change: an entry is the revision, the owner (or
 * {@code -} for a deleted conversation, so its 404 needs no PostgreSQL either) and the view as JSON, one per line.
 * A put never replaces a newer revision ({@code revision-put.lua}), so a read that filled the cache just before a
 * change cannot bring the old state back. Redis away only means reads from PostgreSQL.
 */
final class ConversationCache {
    private static final RedisScript PUT = RedisScript.load("revision-put");
    private static final String GONE = "-";

    /** What an entry says: the owner's view, or, when {@code owner} is empty, that the conversation is deleted. */
    record Entry(Optional<UUID> owner, Optional<ConversationView> view) {
    }

    private final RedisCache cache;
    private final ObjectMapper json;
    private final Duration ttl;

    ConversationCache(RedisCache cache, ObjectMapper json, Duration ttl) {
        this.cache = cache;
        this.json = json;
        this.ttl = ttl;
    }

    Optional<Entry> get(UUID id) {
        return cache.get(RedisKeys.conversation(id)).flatMap(this::parse);
    }

    void put(StoredConversation stored, List<Message> branch) {
        String value = stored.deleted() ? GONE + "\n"
                : stored.owner() + "\n" + encode(new ConversationView(stored.conversation(), branch));
        cache.attempt(redis -> PUT.run(redis, List.of(RedisKeys.conversation(stored.conversation().id())),
                List.of(String.valueOf(stored.revision()), value, String.valueOf(ttl.toMillis()))));
    }

    /** An entry this build cannot read (another version of the API wrote it) is a miss. */
    private Optional<Entry> parse(String stored) {
        int revisionEnd = stored.indexOf('\n');
        int ownerEnd = revisionEnd < 0 ? -1 : stored.indexOf('\n', revisionEnd + 1);
        if (ownerEnd < 0) {
            return Optional.empty();
        }
        String owner = stored.substring(revisionEnd + 1, ownerEnd);
        if (owner.equals(GONE)) {
            return Optional.of(new Entry(Optional.empty(), Optional.empty()));
        }
        try {
            return Optional.of(new Entry(Optional.of(UUID.fromString(owner)),
                    Optional.of(json.readValue(stored.substring(ownerEnd + 1), ConversationView.class))));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private String encode(ConversationView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a conversation", e);
        }
    }
}
