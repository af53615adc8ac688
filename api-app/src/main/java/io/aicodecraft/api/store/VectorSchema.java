package io.aicodecraft.api.store;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The pgvector part of the schema (migration V8): whether it is there, and creating it when pgvector has been
 * installed since V8 ran. V8 is applied on every server, with or without pgvector; its script is idempotent and
 * checks for the extension itself, so running it again is how a later install is picked up.
 */
public final class VectorSchema {
    public static final String SCRIPT = "db/migration/V8__semantic_search.sql";
    private static final Logger LOG = Logger.getLogger(VectorSchema.class.getName());
    private static final String PRESENT = """
            SELECT e.extversion FROM pg_extension e
            WHERE e.extname = 'vector'
              AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('templates')
                          AND attname = 'embedding' AND NOT attisdropped)
              AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('code_generations')
                          AND attname = 'embedding' AND NOT attisdropped)
            """;

    private VectorSchema() {
    }

    /** pgvector's version when the extension and the embedding columns are there; empty otherwise. */
    public static Optional<String> version(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(PRESENT); ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }

    /**
     * Runs V8's script again, as the schema's owner, when the embedding columns are missing; says in the log when
     * semantic search stays off. Returns pgvector's version when semantic search is on.
     */
    static Optional<String> createIfMissing(DataSource owner) {
        try (Connection connection = owner.getConnection()) {
            Optional<String> present = version(connection);
            if (present.isPresent()) {
                return present;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(script());
            }
            Optional<String> created = version(connection);
            if (created.isEmpty()) {
                LOG.warning("pgvector is not available to this database: semantic search (/v1/templates/similar, "
                        + "/v1/generations/similar) answers 501 until pgvector is installed and migrate runs again");
            } else {
                LOG.info("pgvector found: the embedding columns and their HNSW indexes are in place");
            }
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the semantic-search schema: " + e.getMessage(), e);
        }
    }

    private static String script() {
        try (InputStream in = VectorSchema.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
