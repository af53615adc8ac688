package io.aicodecraft.api.conversation;

import io.aicodecraft.api.ai.Language;
import io.aicodecraft.api.generation.Cursor;
import io.aicodecraft.api.generation.HistoryPages;
import io.aicodecraft.api.generation.Page;
import io.aicodecraft.api.store.Database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows of {@code conversations} and {@code conversation_messages}. Every change moves the conversation's revision
 * on in the same transaction. Times come from this process's clock, so that "deleted longer ago than the retention"
 * is one clock's judgement.
 */
final class ConversationStore {
    private static final String CONVERSATION = "id, user_id, title, language, system_prompt, model, tags, pinned,"
            + " archived, revision, created_at, updated_at, deleted_at";
    private static final String MESSAGE = "id, parent_id, role, content, tokens, origin_id, version, model,"
            + " dropped_turns, created_at";
    /** Live conversations, or the deleted ones since the cut-off; then the optional filters, each NULL when not asked. */
    private static final String LISTED = "(CAST(? AS boolean) AND deleted_at > ? OR NOT CAST(? AS boolean) AND deleted_at IS NULL)"
            + " AND (CAST(? AS boolean) IS NULL OR pinned = ?)"
            + " AND (CAST(? AS boolean) IS NULL OR archived = ?)"
            + " AND (CAST(? AS text) IS NULL OR tags @> ARRAY[CAST(? AS text)])";
    /** From a message up to the root of its branch, read root first. */
    private static final String BRANCH = "WITH RECURSIVE path AS ("
            + " SELECT " + MESSAGE + ", 0 AS depth FROM conversation_messages WHERE conversation_id = ? AND id = %s"
            + " UNION ALL SELECT m.id, m.parent_id, m.role, m.content, m.tokens, m.origin_id, m.version, m.model,"
            + " m.dropped_turns, m.created_at, path.depth + 1 FROM conversation_messages m JOIN path ON m.id = path.parent_id)"
            + " SELECT " + MESSAGE + " FROM path ORDER BY depth DESC";
    /** The latest branch ends at the newest reply: every leaf is a reply, and nothing is newer than a leaf. */
    private static final String NEWEST_REPLY = "(SELECT id FROM conversation_messages WHERE conversation_id = ?"
            + " AND role = 'assistant' ORDER BY created_at DESC, id DESC LIMIT 1)";

    private final Database database;
    private final Duration retention;
    private final HistoryPages<Conversation> pages;

    ConversationStore(Database database, Duration retention) {
        this.database = database;
        this.retention = retention;
        this.pages = new HistoryPages<>(database, "conversations", LISTED, CONVERSATION,
                row -> read(row).conversation(), c -> new Cursor(c.createdAt(), c.id()));
    }

    StoredConversation insert(UUID owner, ConversationDraft draft, String model, Instant now) {
        return database.run(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conversations (id, user_id,"
                    + " title, language, system_prompt, model, tags, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + CONVERSATION)) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, owner);
                insert.setString(3, draft.title());
                insert.setString(4, draft.language().id());
                insert.setString(5, draft.systemPrompt().orElse(null));
                insert.setString(6, model);
                insert.setArray(7, textArray(connection, draft.tags()));
                insert.setObject(8, time(now));
                insert.setObject(9, time(now));
                return only(insert).orElseThrow();
            }
        });
    }

    /** The conversation whoever owns it, deleted or not (the caller checks); empty when there is no such id. */
    Optional<StoredConversation> find(UUID id) {
        return database.run(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + CONVERSATION + " FROM conversations WHERE id = ?")) {
                query.setObject(1, id);
                return only(query);
            }
        });
    }

    Page<Conversation> list(UUID owner, ConversationFilter filter, int limit, Optional<Cursor> after, Instant now) {
        Object pinned = filter.pinned().orElse(null);
        Object archived = filter.archived().orElse(null);
        Object tag = filter.tag().orElse(null);
        return pages.page(owner, Arrays.asList(filter.deleted(), time(now.minus(retention)), filter.deleted(),
                pinned, pinned, archived, archived, tag, tag), limit, after);
    }

    /** Applies the change to the owner's live conversation; empty when it has none with the id. */
    Optional<StoredConversation> update(UUID owner, UUID id, ConversationChange change, Instant now) {
        return database.run(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE conversations SET"
                    + " title = COALESCE(?, title), tags = COALESCE(?, tags), pinned = COALESCE(?, pinned),"
                    + " archived = COALESCE(?, archived),"
                    + " system_prompt = CASE WHEN ? THEN ? ELSE system_prompt END,"
                    + " updated_at = ?, revision = revision + 1"
                    + " WHERE id = ? AND user_id = ? AND deleted_at IS NULL RETURNING " + CONVERSATION)) {
                update.setString(1, change.title().orElse(null));
                update.setArray(2, change.tags().isPresent() ? textArray(connection, change.tags().get()) : null);
                update.setObject(3, change.pinned().orElse(null), java.sql.Types.BOOLEAN);
                update.setObject(4, change.archived().orElse(null), java.sql.Types.BOOLEAN);
                update.setBoolean(5, change.systemPrompt().isPresent());
                update.setString(6, change.systemPrompt().flatMap(prompt -> prompt).orElse(null));
                update.setObject(7, time(now));
                update.setObject(8, id);
                update.setObject(9, owner);
                return only(update);
            }
        });
    }

    /** Marks the owner's live conversation deleted; empty when it has none with the id. */
    Optional<StoredConversation> delete(UUID owner, UUID id, Instant now) {
        return database.run(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE conversations SET deleted_at = ?,"
                    + " revision = revision + 1 WHERE id = ? AND user_id = ? AND deleted_at IS NULL RETURNING "
                    + CONVERSATION)) {
                update.setObject(1, time(now));
                update.setObject(2, id);
                update.setObject(3, owner);
                return only(update);
            }
        });
    }

    /** Undeletes the owner's conversation deleted within the retention; empty when there is none such. */
    Optional<StoredConversation> restore(UUID owner, UUID id, Instant now) {
        return database.run(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE conversations SET deleted_at = NULL,"
                    + " updated_at = ?, revision = revision + 1 WHERE id = ? AND user_id = ? AND deleted_at > ?"
                    + " RETURNING " + CONVERSATION)) {
                update.setObject(1, time(now));
                update.setObject(2, id);
                update.setObject(3, owner);
                update.setObject(4, time(now.minus(retention)));
                return only(update);
            }
        });
    }

    /** Removes the conversations deleted longer ago than the retention, with their messages; how many went. */
    int purge(Instant now) {
        return database.run(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM conversations WHERE deleted_at <= ?")) {
                delete.setObject(1, time(now.minus(retention)));
                return delete.executeUpdate();
            }
        });
    }

    Optional<Message> message(UUID conversation, UUID id) {
        return database.run(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + MESSAGE + " FROM conversation_messages WHERE conversation_id = ? AND id = ?")) {
                query.setObject(1, conversation);
                query.setObject(2, id);
                List<Message> found = messages(query);
                return found.stream().findFirst();
            }
        });
    }

    /** The branch from its root to {@code leaf}, root first; empty when the conversation has no such message. */
    List<Message> branch(UUID conversation, UUID leaf) {
        return database.run(connection -> {
            try (PreparedStatement query = connection.prepareStatement(BRANCH.formatted("?"))) {
                query.setObject(1, conversation);
                query.setObject(2, leaf);
                return messages(query);
            }
        });
    }

    /** The latest branch, root first: the one that ends at the newest reply; empty for a conversation without one. */
    List<Message> latestBranch(UUID conversation) {
        return database.run(connection -> {
            try (PreparedStatement query = connection.prepareStatement(BRANCH.formatted(NEWEST_REPLY))) {
                query.setObject(1, conversation);
                query.setObject(2, conversation);
                return messages(query);
            }
        });
    }

    /** Every version of the message, first to last; empty when the conversation has no such message. */
    List<Message> versions(UUID conversation, UUID id) {
        return database.run(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + MESSAGE
                    + " FROM conversation_messages WHERE origin_id = (SELECT origin_id FROM conversation_messages"
                    + " WHERE conversation_id = ? AND id = ?) ORDER BY version")) {
                query.setObject(1, conversation);
                query.setObject(2, id);
                return messages(query);
            }
        });
    }

    /**
     * Adds a user message under {@code parent} (none: a first message) and the reply under it, in one transaction
     * that moves the conversation on; {@code edited} makes the message the next version of that one. Empty when the
     * owner's conversation is gone meanwhile (deleted during the model's answer).
     */
    Optional<List<Message>> addTurn(UUID owner, UUID conversation, Optional<UUID> parent, Optional<Message> edited,
                                    String content, String reply, String model, int dropped, Instant now) {
        return database.transaction(connection -> {
            // locks the conversation row until commit, so two edits of one message cannot take the same version
            try (PreparedStatement touch = connection.prepareStatement("UPDATE conversations SET updated_at = ?,"
                    + " revision = revision + 1 WHERE id = ? AND user_id = ? AND deleted_at IS NULL")) {
                touch.setObject(1, time(now));
                touch.setObject(2, conversation);
                touch.setObject(3, owner);
                if (touch.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            UUID messageId = UUID.randomUUID();
            UUID origin = edited.map(Message::originId).orElse(messageId);
            Message message = insert(connection, conversation, messageId, parent.orElse(null), Role.USER, content,
                    origin, edited.isPresent() ? nextVersion(connection, origin) : 1, null, null, now);
            UUID replyId = UUID.randomUUID();
            // a microsecond later: the reply is the newer of the two, and so the leaf of the latest branch
            Message answer = insert(connection, conversation, replyId, messageId, Role.ASSISTANT, reply, replyId, 1,
                    model, dropped, now.plus(1, ChronoUnit.MICROS));
            return Optional.of(List.of(message, answer));
        });
    }

    private static int nextVersion(Connection connection, UUID origin) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COALESCE(max(version), 0) + 1 FROM conversation_messages WHERE origin_id = ?")) {
            query.setObject(1, origin);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static Message insert(Connection connection, UUID conversation, UUID id, UUID parent, Role role,
                                  String content, UUID origin, int version, String model, Integer dropped, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conversation_messages (id,"
                + " conversation_id, parent_id, role, content, tokens, origin_id, version, model, dropped_turns,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + MESSAGE)) {
            insert.setObject(1, id);
            insert.setObject(2, conversation);
            insert.setObject(3, parent);
            insert.setString(4, role.id());
            insert.setString(5, content);
            insert.setInt(6, ContextWindow.tokens(content));
            insert.setObject(7, origin);
            insert.setInt(8, version);
            insert.setString(9, model);
            insert.setObject(10, dropped, java.sql.Types.INTEGER);
            insert.setObject(11, time(at));
            return messages(insert).getFirst();
        }
    }

    private Optional<StoredConversation> only(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(read(row)) : Optional.empty();
        }
    }

    private StoredConversation read(ResultSet row) throws SQLException {
        Instant deletedAt = instant(row, "deleted_at");
        Conversation conversation = new Conversation(row.getObject("id", UUID.class), row.getString("title"),
                Language.byId(row.getString("language")).orElseThrow(), row.getString("system_prompt"),
                row.getString("model"), Arrays.asList((String[]) row.getArray("tags").getArray()),
                row.getBoolean("pinned"), row.getBoolean("archived"), instant(row, "created_at"),
                instant(row, "updated_at"), deletedAt, deletedAt == null ? null : deletedAt.plus(retention));
        return new StoredConversation(row.getObject("user_id", UUID.class), row.getLong("revision"), conversation);
    }

    private static List<Message> messages(PreparedStatement statement) throws SQLException {
        List<Message> messages = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                messages.add(new Message(row.getObject("id", UUID.class), row.getObject("parent_id", UUID.class),
                        Role.byId(row.getString("role")), row.getString("content"), row.getInt("tokens"),
                        row.getObject("origin_id", UUID.class), row.getInt("version"), row.getString("model"),
                        row.getObject("dropped_turns", Integer.class), instant(row, "created_at")));
            }
        }
        return messages;
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
