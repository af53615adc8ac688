package io.aicodecraft.api.search;

import io.aicodecraft.api.ai.EmbeddingModel;
import io.aicodecraft.api.ai.ModelFailureException;
import io.aicodecraft.api.config.SearchConfig;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.DatabaseUnavailableException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Embeds what has no embedding yet, in the background: templates whose latest version is not embedded (new ones,
 * new versions, and those of before semantic search) and generations without one. Writes never wait for the model
 * this way; a row is found by search a moment after it is written (within {@code backfillInterval} when idle, at
 * once while there is a backlog). The rows are found through V8's partial indexes, so a pass with nothing to do
 * costs an index probe, not a scan.
 * <p>
 * When it starts it forgets the embeddings of any other model (the provider changed), which the passes then redo.
 * A template changed while its text was being embedded keeps no stale vector: the write names the version it embedded.
 * Several API pods may embed the same row at the same moment; the result is the same, only the work is done twice.
 */
public final class EmbeddingBackfill implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddingBackfill.class.getName());
    private static final String PENDING_TEMPLATES = """
            SELECT id, version, name, description, category, body FROM templates
            WHERE embedded_version IS DISTINCT FROM version LIMIT ?""";
    private static final String EMBED_TEMPLATE = """
            UPDATE templates SET embedding = ?::vector, embedding_model = ?, embedded_version = version
            WHERE id = ? AND version = ?""";
    private static final String PENDING_GENERATIONS = "SELECT id, prompt FROM code_generations WHERE embedding IS NULL LIMIT ?";
    private static final String EMBED_GENERATION = """
            UPDATE code_generations SET embedding = ?::vector, embedding_model = ? WHERE id = ? AND embedding IS NULL""";
    private static final String FORGET_TEMPLATES = """
            UPDATE templates SET embedding = NULL, embedding_model = NULL, embedded_version = NULL
            WHERE embedding_model IS DISTINCT FROM ? AND embedding IS NOT NULL""";
    private static final String FORGET_GENERATIONS = """
            UPDATE code_generations SET embedding = NULL, embedding_model = NULL
            WHERE embedding_model IS DISTINCT FROM ? AND embedding IS NOT NULL""";

    private final Database database;
    private final EmbeddingModel model;
    private final VectorSupport support;
    private final SearchConfig config;
    private final Thread worker;
    private volatile boolean running = true;
    private boolean forgotten;

    private EmbeddingBackfill(Database database, EmbeddingModel model, VectorSupport support, SearchConfig config) {
        this.database = database;
        this.model = model;
        this.support = support;
        this.config = config;
        this.worker = Thread.ofVirtual().name("embedding-backfill").unstarted(this::loop);
    }

    public static EmbeddingBackfill start(Database database, EmbeddingModel model, VectorSupport support,
                                          SearchConfig config) {
        EmbeddingBackfill backfill = new EmbeddingBackfill(database, model, support, config);
        backfill.worker.start();
        return backfill;
    }

    /**
     * One batch of templates and one of generations; the number of rows embedded, 0 when there was nothing to do
     * (or no pgvector).
     */
    int pass() {
        if (support.version().isEmpty()) {
            return 0;
        }
        if (!forgotten) {
            database.run(connection -> {
                for (String forget : List.of(FORGET_TEMPLATES, FORGET_GENERATIONS)) {
                    try (PreparedStatement update = connection.prepareStatement(forget)) {
                        update.setString(1, model.name());
                        int forgot = update.executeUpdate();
                        if (forgot > 0) {
                            LOG.info("embedding again " + forgot + " rows embedded by another model than " + model.name());
                        }
                    }
                }
                return null;
            });
            forgotten = true;
        }
        return templates() + generations();
    }

    private int templates() {
        record Pending(UUID id, int version, String text) {
        }
        List<Pending> pending = database.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(PENDING_TEMPLATES)) {
                select.setInt(1, config.backfillBatch());
                List<Pending> rows = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        // what a search for this template would say: its name first, then what it is for and does
                        rows.add(new Pending(row.getObject("id", UUID.class), row.getInt("version"),
                                String.join("\n", row.getString("name"), row.getString("description"),
                                        row.getString("category"), row.getString("body"))));
                    }
                }
                return rows;
            }
        });
        if (pending.isEmpty()) {
            return 0;
        }
        List<float[]> vectors = model.embed(pending.stream().map(Pending::text).toList());
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(EMBED_TEMPLATE)) {
                for (int i = 0; i < pending.size(); i++) {
                    update.setString(1, PgVector.literal(vectors.get(i)));
                    update.setString(2, model.name());
                    update.setObject(3, pending.get(i).id());
                    update.setInt(4, pending.get(i).version());
                    // one by one, not a JDBC batch: a batch's error message would quote every vector
                    update.executeUpdate();
                }
            }
            return null;
        });
        return pending.size();
    }

    private int generations() {
        record Pending(UUID id, String prompt) {
        }
        List<Pending> pending = database.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(PENDING_GENERATIONS)) {
                select.setInt(1, config.backfillBatch());
                List<Pending> rows = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Pending(row.getObject("id", UUID.class), row.getString("prompt")));
                    }
                }
                return rows;
            }
        });
        if (pending.isEmpty()) {
            return 0;
        }
        List<float[]> vectors = model.embed(pending.stream().map(Pending::prompt).toList());
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(EMBED_GENERATION)) {
                for (int i = 0; i < pending.size(); i++) {
                    update.setString(1, PgVector.literal(vectors.get(i)));
                    update.setString(2, model.name());
                    update.setObject(3, pending.get(i).id());
                    update.executeUpdate();
                }
            }
            return null;
        });
        return pending.size();
    }

    private void loop() {
        while (running) {
            int embedded;
            try {
                embedded = pass();
            } catch (ModelFailureException | DatabaseUnavailableException e) {
                // passing: the rows stay without an embedding and the next pass tries them again
                LOG.log(Level.WARNING, "embedding backfill: " + e.getMessage());
                embedded = 0;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "embedding backfill failed", e);
                embedded = 0;
            }
            if (embedded == 0 && !pause()) {
                return;
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(config.backfillInterval());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
