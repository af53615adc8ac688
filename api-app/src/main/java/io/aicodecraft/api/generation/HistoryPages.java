package io.aicodecraft.api.generation;

import io.aicodecraft.api.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Pages of a caller's rows in a table with {@code user_id}, {@code id} and {@code created_at}, newest first, with
 * keyset pagination on (created_at, id), which an index {@code (user_id, created_at DESC, id DESC)} serves. A page
 * reads one row more than asked to know whether a next page exists. A condition, with parameters of its own, may
 * narrow the rows further (a filter of the listing).
 */
public final class HistoryPages<T> {
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final Database database;
    private final String firstPage;
    private final String laterPage;
    private final RowReader<T> reader;
    private final Function<T, Cursor> position;

    /** @param readColumns the select list {@code reader} reads */
    public HistoryPages(Database database, String table, String readColumns, RowReader<T> reader,
                        Function<T, Cursor> position) {
        this(database, table, "TRUE", readColumns, reader, position);
    }

    /** @param condition SQL that a row must also satisfy; its parameters are given to {@link #page} */
    public HistoryPages(Database database, String table, String condition, String readColumns, RowReader<T> reader,
                        Function<T, Cursor> position) {
        this.database = database;
        String select = "SELECT " + readColumns + " FROM " + table + " WHERE user_id = ? AND (" + condition + ") ";
        String order = " ORDER BY created_at DESC, id DESC LIMIT ?";
        this.firstPage = select + order;
        this.laterPage = select + "AND (created_at, id) < (?, ?)" + order;
        this.reader = reader;
        this.position = position;
    }

    public Page<T> page(UUID user, int limit, Optional<Cursor> after) {
        return page(user, List.of(), limit, after);
    }

    /** @param conditionValues the parameters of the condition, in order (null for SQL NULL) */
    public Page<T> page(UUID user, List<Object> conditionValues, int limit, Optional<Cursor> after) {
        return database.run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(after.isPresent() ? laterPage : firstPage)) {
                int i = 1;
                statement.setObject(i++, user);
                for (Object value : conditionValues) {
                    statement.setObject(i++, value);
                }
                if (after.isPresent()) {
                    statement.setObject(i++, OffsetDateTime.ofInstant(after.get().createdAt(), ZoneOffset.UTC));
                    statement.setObject(i++, after.get().id());
                }
                statement.setInt(i, limit + 1);
                List<T> items = new ArrayList<>(limit + 1);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        items.add(reader.read(rows));
                    }
                }
                if (items.size() <= limit) {
                    return new Page<>(items, Optional.empty());
                }
                List<T> shown = List.copyOf(items.subList(0, limit));
                return new Page<>(shown, Optional.of(position.apply(shown.getLast())));
            }
        });
    }
}
