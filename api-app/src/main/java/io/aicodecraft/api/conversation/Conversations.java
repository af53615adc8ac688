package io.aicodecraft.api.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicodecraft.api.ai.CodeModel;
import io.aicodecraft.api.ai.CodeTask;
import io.aicodecraft.api.ai.Exchange;
import io.aicodecraft.api.config.ConversationConfig;
import io.aicodecraft.api.generation.CacheAside;
import io.aicodecraft.api.generation.Cursor;
import io.aicodecraft.api.generation.Outcome;
import io.aicodecraft.api.generation.Page;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.RedisCache;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversations about code: each its owner's alone (another caller gets a 404, as for an id that does not exist).
 * A message is answered by the code model with the branch's earlier turns as context, as many of the newest as fit
 * the token budget; the answer is cached by that context as generations are. Every change is written through to
 * the Redis copy that {@link #read} serves.
 */
public final class Conversations {
    private final CodeModel model;
    private final ConversationStore store;
    private final ConversationCache cache;
    private final CacheAside answers;
    private final int contextTokens;
    private final Clock clock;

    public Conversations(CodeModel model, Database database, RedisCache redis, CacheAside answers, ObjectMapper json,
                         Duration cacheTtl, ConversationConfig config, Clock clock) {
        this.model = model;
        this.store = new ConversationStore(database, config.retention());
        this.cache = new ConversationCache(redis, json, cacheTtl);
        this.answers = answers;
        this.contextTokens = config.contextTokens();
        this.clock = clock;
    }

    public Conversation create(UUID owner, ConversationDraft draft) {
        String chosen = model.choose(draft.model());
        return written(store.insert(owner, draft, chosen, clock.instant()));
    }

    public Page<Conversation> list(UUID owner, ConversationFilter filter, int limit, Optional<Cursor> after) {
        return store.list(owner, filter, limit, after, clock.instant());
    }

    /** The conversation and its latest branch, from Redis when it holds them. */
    public ConversationView read(UUID caller, UUID id) {
        Optional<ConversationCache.Entry> cached = cache.get(id);
        if (cached.isPresent()) {
            return cached.get().owner().filter(caller::equals).flatMap(owner -> cached.get().view())
                    .orElseThrow(() -> notFound(id));
        }
        StoredConversation stored = store.find(id).orElseThrow(() -> notFound(id));
        List<Message> branch = stored.deleted() ? List.of() : store.latestBranch(id);
        cache.put(stored, branch);
        if (stored.deleted() || !stored.owner().equals(caller)) {
            throw notFound(id);
        }
        return new ConversationView(stored.conversation(), branch);
    }

    public Conversation update(UUID caller, UUID id, ConversationChange change) {
        return written(store.update(caller, id, change, clock.instant()).orElseThrow(() -> notFound(id)));
    }

    /** Deletes softly: restorable until the retention has passed, then gone. */
    public Conversation delete(UUID caller, UUID id) {
        return written(store.delete(caller, id, clock.instant()).orElseThrow(() -> notFound(id)));
    }

    /** Brings a deleted conversation back within the retention; a live one is returned as it is. */
    public Conversation restore(UUID caller, UUID id) {
        Optional<StoredConversation> restored = store.restore(caller, id, clock.instant());
        if (restored.isPresent()) {
            return written(restored.get());
        }
        return live(caller, id).conversation();
    }

    /**
     * Adds the caller's message after {@code parent} (an assistant's reply; by default the end of the latest
     * branch) and the model's answer to it.
     */
    public Outcome<Turn> say(UUID caller, UUID id, String content, Optional<UUID> parent) {
        StoredConversation conversation = live(caller, id);
        if (parent.isEmpty()) {
            return answer(caller, conversation, store.latestBranch(id), Optional.empty(), content);
        }
        Message after = store.message(id, parent.get()).orElseThrow(() -> new MessageNotFoundException(
                "parentId", "conversation " + id + " has no message " + parent.get()));
        if (after.role() != Role.ASSISTANT) {
            throw new InvalidConversationException("parentId", "message " + after.id()
                    + " is a user message: a message follows a reply; to change a user message, PUT it");
        }
        List<Message> branch = store.branch(id, after.id());
        return answer(caller, conversation, branch, Optional.empty(), content);
    }

    /**
     * Edits a user message: its next version goes beside it (same parent), answered anew, so the old version and
     * its replies stay as a branch of their own.
     */
    public Outcome<Turn> edit(UUID caller, UUID id, UUID messageId, String content) {
        StoredConversation conversation = live(caller, id);
        Message edited = store.message(id, messageId).orElseThrow(() -> new MessageNotFoundException(
                "messageId", "conversation " + id + " has no message " + messageId));
        if (edited.role() != Role.USER) {
            throw new InvalidConversationException("messageId", "message " + messageId
                    + " is an assistant's reply; only user messages are edited");
        }
        List<Message> branch = edited.parentId() == null ? List.of() : store.branch(id, edited.parentId());
        return answer(caller, conversation, branch, Optional.of(edited), content);
    }

    /** The branch from its root to {@code leaf}, by default the latest. */
    public List<Message> branch(UUID caller, UUID id, Optional<UUID> leaf) {
        live(caller, id);
        if (leaf.isEmpty()) {
            return store.latestBranch(id);
        }
        List<Message> branch = store.branch(id, leaf.get());
        if (branch.isEmpty()) {
            throw new MessageNotFoundException("branch", "conversation " + id + " has no message " + leaf.get());
        }
        return branch;
    }

    /** Every version of a message, first to last. */
    public List<Message> versions(UUID caller, UUID id, UUID messageId) {
        live(caller, id);
        List<Message> versions = store.versions(id, messageId);
        if (versions.isEmpty()) {
            throw new MessageNotFoundException("messageId", "conversation " + id + " has no message " + messageId);
        }
        return versions;
    }

    /** Removes what was deleted longer ago than the retention; how many conversations went. */
    public int purge() {
        return store.purge(clock.instant());
    }

    private Outcome<Turn> answer(UUID caller, StoredConversation stored, List<Message> branch,
                                 Optional<Message> edited, String content) {
        Conversation conversation = stored.conversation();
        Optional<String> systemPrompt = Optional.ofNullable(conversation.systemPrompt());
        ContextWindow window = ContextWindow.fit(contextTokens, systemPrompt, exchanges(branch), content);
        CodeTask.Chat task = new CodeTask.Chat(conversation.language(), systemPrompt, window.kept(), content);
        Outcome<String> reply = answers.code("conversation", normalised(conversation.model(), task),
                () -> model.complete(conversation.model(), task));
        Optional<UUID> parent = branch.isEmpty() ? Optional.empty() : Optional.of(branch.getLast().id());
        List<Message> added = store.addTurn(caller, conversation.id(), parent, edited, content, reply.result(),
                conversation.model(), window.dropped(), clock.instant()).orElseThrow(() -> notFound(conversation.id()));
        refresh(conversation.id());
        return reply.with(new Turn(added.get(0), added.get(1), window.dropped(), window.tokens()));
    }

    /** A branch's messages as turns: each user message with the reply that follows it. */
    private static List<Exchange> exchanges(List<Message> branch) {
        List<Exchange> turns = new ArrayList<>(branch.size() / 2);
        for (int i = 0; i + 1 < branch.size(); i += 2) {
            turns.add(new Exchange(branch.get(i).content(), branch.get(i + 1).content()));
        }
        return turns;
    }

    /** Every part with its length before it, so that no two different contexts read as one. */
    private static String normalised(String modelName, CodeTask.Chat task) {
        List<String> parts = new ArrayList<>();
        parts.add(modelName);
        parts.add(task.language().id());
        parts.add(task.systemPrompt().orElse(""));
        task.earlier().forEach(turn -> {
            parts.add(turn.user());
            parts.add(turn.assistant());
        });
        parts.add(task.message());
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.length()).append(':').append(part).append('\n'));
        return text.toString();
    }

    private Conversation written(StoredConversation stored) {
        cache.put(stored, stored.deleted() ? List.of() : store.latestBranch(stored.conversation().id()));
        return stored.conversation();
    }

    private void refresh(UUID id) {
        store.find(id).ifPresent(this::written);
    }

    private StoredConversation live(UUID caller, UUID id) {
        return store.find(id).filter(stored -> stored.owner().equals(caller) && !stored.deleted())
                .orElseThrow(() -> notFound(id));
    }

    private static ConversationNotFoundException notFound(UUID id) {
        return new ConversationNotFoundException("you have no conversation " + id);
    }
}
