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

/** Rows of {@code code_conversions}. */
public final class ConversionStore {
    private final HistoryTable<Conversion> table;

    public ConversionStore(Database database, GroupCommit commits) {
        this.table = new HistoryTable<>(database, commits, "code_conversions",
                List.of("user_id", "source_code", "from_language", "to_language", "model", "code"),
                "id, source_code, from_language, to_language, model, code, created_at",
                ConversionStore::read, c -> new Cursor(c.createdAt(), c.id()));
    }

    public Conversion insert(UUID user, ConversionRequest request, String model, String code) {
        return table.insert(user, request.sourceCode(), request.fromLanguage().id(), request.toLanguage().id(),
                model, code);
    }

    public Page<Conversion> history(UUID user, int limit, Optional<Cursor> after) {
        return table.page(user, limit, after);
    }

    private static Conversion read(ResultSet row) throws SQLException {
        return new Conversion(row.getObject("id", UUID.class), row.getString("source_code"),
                Language.byId(row.getString("from_language")).orElseThrow(),
                Language.byId(row.getString("to_language")).orElseThrow(),
                row.getString("model"), row.getString("code"), row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
