package io.aicodecraft.api.generation;

import io.aicodecraft.api.ai.Language;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.GroupCommit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code code_generations}. */
public final class GenerationStore {
    private final HistoryTable<Generation> table;

    public GenerationStore(Database database, GroupCommit commits) {
        this.table = new HistoryTable<>(database, commits, "code_generations",
                List.of("user_id", "prompt", "language", "model", "code"),
                "id, prompt, language, model, code, created_at",
                GenerationStore::read, g -> new Cursor(g.createdAt(), g.id()));
    }

    public Generation insert(UUID user, GenerationRequest request, String model, String code) {
        return table.insert(user, request.prompt(), request.language().id(), model, code);
    }

    public Page<Generation> history(UUID user, int limit, Optional<Cursor> after) {
        return table.page(user, limit, after);
    }

    private static Generation read(ResultSet row) throws SQLException {
        return new Generation(row.getObject("id", UUID.class), row.getString("prompt"),
                Language.byId(row.getString("language")).orElseThrow(), row.getString("model"),
                row.getString("code"), row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
