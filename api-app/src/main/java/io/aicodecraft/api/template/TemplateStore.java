package io.aicodecraft.api.template;

import io.aicodecraft.api.ai.Language;
import io.aicodecraft.api.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows of {@code templates} (the latest version of each, which search reads) and {@code template_versions}
 * (every version). A new version locks its template's row, so concurrent writers get consecutive numbers.
 */
final class TemplateStore {
    private static final String CONTENT = "name, description, category, language, body, variables";
    private static final String SELECT = "SELECT v.template_id, v.version, t.owner_id, v.name, v.description,"
            + " v.category, v.language, v.body, v.variables, v.created_at"
            + " FROM template_versions v JOIN templates t ON t.id = v.template_id"
            + " WHERE v.template_id = ? AND v.version = COALESCE(?, t.version)";

    private final Database database;

    TemplateStore(Database database) {
        this.database = database;
    }

    Template insert(UUID owner, TemplateDraft draft) {
        return database.transaction(connection -> {
            UUID id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO templates (owner_id, version, "
                    + CONTENT + ") VALUES (?, 1, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                insert.setObject(1, owner);
                bindContent(connection, insert, 2, draft);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getObject(1, UUID.class);
                }
            }
            return insertVersion(connection, id, 1, draft);
        });
    }

    /** The latest version, or version {@code version}; empty when either does not exist. */
    Optional<Template> read(UUID id, Optional<Integer> version) {
        return database.run(connection -> read(connection, id, version));
    }

    /**
     * Adds version n+1 on behalf of {@code caller}, who must own the template; empty when there is no such
     * template.
     */
    Optional<Template> addVersion(UUID caller, UUID id, TemplateChange change) {
        return database.transaction(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT owner_id FROM templates WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, id);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    if (!row.getObject(1, UUID.class).equals(caller)) {
                        throw new NotTemplateOwnerException(
                                "only the owner of template " + id + " may add versions to it");
                    }
                }
            }
            // read after the lock: this statement sees every version committed before it was taken
            Template latest = read(connection, id, Optional.empty()).orElseThrow();
            TemplateDraft draft = change.applyTo(latest);
            int version = latest.version() + 1;
            try (PreparedStatement update = connection.prepareStatement("UPDATE templates SET version = ?,"
                    + " name = ?, description = ?, category = ?, language = ?, body = ?, variables = ?,"
                    + " updated_at = clock_timestamp() WHERE id = ?")) {
                update.setInt(1, version);
                int next = bindContent(connection, update, 2, draft);
                update.setObject(next, id);
                update.executeUpdate();
            }
            return Optional.of(insertVersion(connection, id, version, draft));
        });
    }

    private static Template insertVersion(Connection connection, UUID id, int version, TemplateDraft draft)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO template_versions (template_id,"
                + " version, " + CONTENT + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setInt(2, version);
            bindContent(connection, insert, 3, draft);
            insert.executeUpdate();
        }
        return read(connection, id, Optional.of(version)).orElseThrow();
    }

    private static Optional<Template> read(Connection connection, UUID id, Optional<Integer> version)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setObject(1, id);
            select.setObject(2, version.orElse(null), Types.INTEGER);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Template(row.getObject("template_id", UUID.class), row.getInt("version"),
                        row.getObject("owner_id", UUID.class), row.getString("name"), row.getString("description"),
                        row.getString("category"), Language.byId(row.getString("language")).orElseThrow(),
                        row.getString("body"), List.of((String[]) row.getArray("variables").getArray()),
                        row.getObject("created_at", OffsetDateTime.class).toInstant()));
            }
        }
    }

    /** Binds the six content columns from {@code first} on; returns the next parameter index. */
    private static int bindContent(Connection connection, PreparedStatement statement, int first, TemplateDraft draft)
            throws SQLException {
        int i = first;
        statement.setString(i++, draft.name());
        statement.setString(i++, draft.description());
        statement.setString(i++, draft.category());
        statement.setString(i++, draft.language().id());
        statement.setString(i++, draft.body());
        statement.setArray(i++, connection.createArrayOf("text", draft.variables().toArray()));
        return i;
    }
}
