package io.aicodecraft.api.generation;

import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.GroupCommit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A per-caller history table: rows are added through the group commit (a caller is answered once its row has
 * committed) and read as {@link HistoryPages}.
 */
final class HistoryTable<T> {
    private final GroupCommit commits;
    private final String insert;
    private final HistoryPages.RowReader<T> reader;
    private final HistoryPages<T> pages;

    /** @param insertColumns the columns {@link #insert} fills, user_id first */
    HistoryTable(Database database, GroupCommit commits, String table, List<String> insertColumns, String readColumns,
                 HistoryPages.RowReader<T> reader, Function<T, Cursor> position) {
        this.commits = commits;
        this.insert = "INSERT INTO " + table + " (" + String.join(", ", insertColumns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(insertColumns.size(), "?")) + ") RETURNING " + readColumns;
        this.reader = reader;
        this.pages = new HistoryPages<>(database, table, readColumns, reader, position);
    }

    /** Adds a row; {@code values} in the order of the insert columns. */
    T insert(Object... values) {
        return commits.run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return reader.read(row);
                }
            }
        });
    }

    Page<T> page(UUID user, int limit, Optional<Cursor> after) {
        return pages.page(user, limit, after);
    }
}
