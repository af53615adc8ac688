package io.aicodecraft.api.template;

import io.aicodecraft.api.ai.Language;
import io.aicodecraft.api.generation.Cursor;
import io.aicodecraft.api.store.Database;
import org.postgresql.PGStatement;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Full-text search over the latest versions in PostgreSQL: {@code websearch_to_tsquery} (any input is a valid
 * query) against the weighted {@code search} tsvector, served by its GIN index and ranked by
 * {@code ts_rank_cd}; without query text, the newest templates first. Pages are keyset-paged on (rank,
 * updated_at, id), so a later page costs what the first does. Reads one hit more than asked to know whether a next
 * page exists.
 */
final class TemplateSearch {
    private static final String COLUMNS = "id, version, name, description, category, language, variables, updated_at";
    private static final String RANKED = "SELECT " + COLUMNS + ", ts_rank_cd(search, query) AS score"
            + " FROM templates, websearch_to_tsquery('english', ?) AS query WHERE search @@ query";
    private static final String RECENT = "SELECT " + COLUMNS + ", NULL::real AS score FROM templates WHERE TRUE";

    private final Database database;

    TemplateSearch(Database database) {
        this.database = database;
    }

    TemplatePage find(TemplateQuery query) {
        boolean ranked = query.text().isPresent();
        String sql = (ranked ? RANKED : RECENT)
                + (query.category().isPresent() ? " AND category = ?" : "")
                + (query.after().isEmpty() ? "" : ranked ? " AND (ts_rank_cd(search, query), updated_at, id) < (?, ?, ?)"
                        : " AND (updated_at, id) < (?, ?)")
                + " ORDER BY " + (ranked ? "score DESC, " : "") + "updated_at DESC, id DESC"
                + " LIMIT ?";
        return database.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                // plan every search for its own words: a plan cached for a common word (a scan of the whole table)
                // would otherwise serve a rare word too, which the GIN index answers in a fraction of the time
                select.unwrap(PGStatement.class).setPrepareThreshold(0);
                int i = 1;
                if (query.text().isPresent()) {
                    select.setString(i++, query.text().get());
                }
                if (query.category().isPresent()) {
                    select.setString(i++, query.category().get());
                }
                if (query.after().isPresent()) {
                    SearchCursor after = query.after().get();
                    if (ranked) {
                        select.setFloat(i++, after.score().orElse(Float.MAX_VALUE));
                    }
                    select.setObject(i++, OffsetDateTime.ofInstant(after.position().createdAt(), ZoneOffset.UTC));
                    select.setObject(i++, after.position().id());
                }
                select.setInt(i, query.limit() + 1);
                List<TemplateSummary> hits = new ArrayList<>(query.limit() + 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        hits.add(summary(rows));
                    }
                }
                if (hits.size() <= query.limit()) {
                    return new TemplatePage(hits, Optional.empty());
                }
                List<TemplateSummary> shown = List.copyOf(hits.subList(0, query.limit()));
                TemplateSummary last = shown.getLast();
                return new TemplatePage(shown, Optional.of(new SearchCursor(Optional.ofNullable(last.score()),
                        new Cursor(last.updatedAt(), last.id()))));
            }
        });
    }

    private static TemplateSummary summary(ResultSet row) throws SQLException {
        float score = row.getFloat("score");
        Float rank = row.wasNull() ? null : score;
        return new TemplateSummary(row.getObject("id", UUID.class), row.getInt("version"), row.getString("name"),
                row.getString("description"), row.getString("category"),
                Language.byId(row.getString("language")).orElseThrow(),
                List.of((String[]) row.getArray("variables").getArray()),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(), rank);
    }
}
