package io.aicodecraft.api.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicodecraft.api.generation.Cursor;
import io.aicodecraft.api.generation.HistoryPages;
import io.aicodecraft.api.generation.Page;
import io.aicodecraft.api.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code task_chains}: the durable record of every chain, complete once the chain has finished. */
public final class ChainStore {
    private static final TypeReference<List<TaskView>> TASKS = new TypeReference<>() {
    };

    private final Database database;
    private final ObjectMapper json;
    private final HistoryPages<ChainSummary> pages;

    public ChainStore(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
        this.pages = new HistoryPages<>(database, "task_chains",
                "id, status, reason, created_at, finished_at, jsonb_array_length(tasks) AS task_count",
                row -> new ChainSummary(row.getObject("id", UUID.class), ChainStatus.of(row.getString("status")),
                        row.getString("reason"), instant(row, "created_at"), instant(row, "finished_at"),
                        row.getInt("task_count")),
                chain -> new Cursor(chain.createdAt(), chain.id()));
    }

    /** Writes the chain as it is now; a later save of the same chain replaces it (the finished state wins). */
    public void save(ChainView chain) {
        database.run(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO task_chains (id, user_id, status, reason, tasks, created_at, finished_at)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
                        tasks = excluded.tasks, finished_at = excluded.finished_at
                    WHERE task_chains.status = 'running'""")) {
                insert.setObject(1, chain.id());
                insert.setObject(2, chain.owner());
                insert.setString(3, chain.status().id());
                insert.setString(4, chain.reason());
                insert.setString(5, write(chain.tasks()));
                insert.setTimestamp(6, Timestamp.from(chain.createdAt()));
                if (chain.finishedAt() == null) {
                    insert.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    insert.setTimestamp(7, Timestamp.from(chain.finishedAt()));
                }
                return insert.executeUpdate();
            }
        });
    }

    public Optional<ChainView> find(UUID id) {
        return database.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT user_id, status, reason, tasks, created_at, finished_at FROM task_chains WHERE id = ?")) {
                select.setObject(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ChainView(id, row.getObject("user_id", UUID.class),
                            ChainStatus.of(row.getString("status")), row.getString("reason"),
                            instant(row, "created_at"), instant(row, "finished_at"), read(row.getString("tasks"))));
                }
            }
        });
    }

    /** The owner's chains as PostgreSQL has them, newest first. */
    public Page<ChainSummary> page(UUID owner, int limit, Optional<Cursor> after) {
        return pages.page(owner, limit, after);
    }

    private static Instant instant(ResultSet row, String column) throws java.sql.SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private String write(List<TaskView> tasks) {
        try {
            return json.writeValueAsString(tasks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a chain's tasks", e);
        }
    }

    private List<TaskView> read(String tasks) {
        try {
            return json.readValue(tasks, TASKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored chain's tasks cannot be read", e);
        }
    }
}
