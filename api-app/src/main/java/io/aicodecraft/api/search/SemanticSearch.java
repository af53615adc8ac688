package io.aicodecraft.api.search;

import io.aicodecraft.api.ai.EmbeddingModel;
import io.aicodecraft.api.ai.Language;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.SqlWork;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Semantic search: the query text is embedded by the same model as the rows, and rows are ranked by the cosine
 * distance of their embeddings to it through pgvector's HNSW indexes. Rows the backfill has not embedded yet are not
 * found. Only embeddings of the current model are compared (another model's vectors mean something else).
 */
public final class SemanticSearch {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;
    /** A query is a sentence or two; MiniLM reads 256 tokens at most anyway. */
    public static final int MAX_TEXT_CHARS = 1_000;
    /** pgvector's default candidate list; an HNSW scan returns at most this many rows, so it grows with the limit. */
    private static final int MIN_EF_SEARCH = 40;
    private static final String TEMPLATES = """
            SELECT id, version, name, description, category, language, variables, updated_at,
                   embedding <=> ?::vector AS distance
            FROM templates WHERE embedding IS NOT NULL AND embedding_model = ?
            ORDER BY distance LIMIT ?""";
    private static final String GENERATIONS = """
            SELECT id, prompt, language, model, code, created_at, embedding <=> ?::vector AS distance
            FROM code_generations WHERE user_id = ? AND embedding IS NOT NULL AND embedding_model = ?
            ORDER BY distance LIMIT ?""";

    private final Database database;
    private final EmbeddingModel model;
    private final VectorSupport support;

    public SemanticSearch(Database database, EmbeddingModel model, VectorSupport support) {
        this.database = database;
        this.model = model;
        this.support = support;
    }

    /** The name of the model that embeds texts and queries. */
    public String model() {
        return model.name();
    }

    /** The {@code limit} templates (latest versions) nearest in meaning to {@code text}, nearest first. */
    public List<SimilarTemplate> templates(String text, int limit) {
        support.require();
        String query = PgVector.literal(model.embed(List.of(text)).getFirst());
        return database.transaction(ranked(limit, false, connection -> {
            try (PreparedStatement select = connection.prepareStatement(TEMPLATES)) {
                select.setString(1, query);
                select.setString(2, model.name());
                select.setInt(3, limit);
                List<SimilarTemplate> hits = new ArrayList<>(limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        double distance = row.getDouble("distance");
                        hits.add(new SimilarTemplate(row.getObject("id", UUID.class), row.getInt("version"),
                                row.getString("name"), row.getString("description"), row.getString("category"),
                                language(row), List.of((String[]) row.getArray("variables").getArray()),
                                row.getObject("updated_at", OffsetDateTime.class).toInstant(), distance, 1 - distance));
                    }
                }
                return hits;
            }
        }));
    }

    /** The {@code limit} generations of {@code user} whose prompts are nearest in meaning to {@code text}. */
    public List<SimilarGeneration> generations(UUID user, String text, int limit) {
        String version = support.require();
        String query = PgVector.literal(model.embed(List.of(text)).getFirst());
        return database.transaction(ranked(limit, iterativeScans(version), connection -> {
            try (PreparedStatement select = connection.prepareStatement(GENERATIONS)) {
                select.setString(1, query);
                select.setObject(2, user);
                select.setString(3, model.name());
                select.setInt(4, limit);
                List<SimilarGeneration> hits = new ArrayList<>(limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        double distance = row.getDouble("distance");
                        hits.add(new SimilarGeneration(row.getObject("id", UUID.class), row.getString("prompt"),
                                language(row), row.getString("model"), row.getString("code"),
                                row.getObject("created_at", OffsetDateTime.class).toInstant(), distance, 1 - distance));
                    }
                }
                return hits;
            }
        }));
    }

    /**
     * {@code work} after the HNSW settings of this transaction: enough candidates for {@code limit} rows, and with
     * {@code filtered} (the caller's rows among everyone's) an iterative scan, which goes on past the candidates the
     * filter threw away instead of answering fewer rows than there are.
     */
    private static <T> SqlWork<T> ranked(int limit, boolean filtered, SqlWork<T> work) {
        return connection -> {
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET LOCAL hnsw.ef_search = " + Math.max(MIN_EF_SEARCH, 2 * limit));
                if (filtered) {
                    settings.execute("SET LOCAL hnsw.iterative_scan = strict_order");
                }
            }
            return work.run(connection);
        };
    }

    /** Iterative index scans came with pgvector 0.8.0; an older one does not know the setting. */
    static boolean iterativeScans(String version) {
        String[] parts = version.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 0 || minor >= 8;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Language language(ResultSet row) throws SQLException {
        return Language.byId(row.getString("language")).orElseThrow();
    }
}
