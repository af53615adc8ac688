package io.aicodecraft.api.config;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Semantic search ({@code aicc.search.*}): the embedding model the {@code openai} provider asks for (the
 * {@code template} provider embeds in-process with all-MiniLM-L6-v2), and how the background backfill works: how
 * often it looks for rows without an embedding when it found none, and how many rows it embeds at a time.
 */
public record SearchConfig(String embeddingModel, Duration backfillInterval, int backfillBatch) {
    public static final String DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small";
    public static final Duration DEFAULT_BACKFILL_INTERVAL = Duration.ofSeconds(2);
    public static final int DEFAULT_BACKFILL_BATCH = 32;
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");

    public SearchConfig {
        if (!MODEL_NAME.matcher(embeddingModel).matches()) {
            throw new IllegalArgumentException("aicc.search.embedding.model '" + embeddingModel
                    + "' is not a model name (letters, digits and ._:/- only, at most 100)");
        }
        if (backfillInterval.toMillis() < 10) {
            throw new IllegalArgumentException("aicc.search.backfill.interval must be at least 10ms");
        }
        if (backfillBatch < 1 || backfillBatch > 256) {
            throw new IllegalArgumentException("aicc.search.backfill.batch must be from 1 to 256");
        }
    }

    public static SearchConfig defaults() {
        return new SearchConfig(DEFAULT_EMBEDDING_MODEL, DEFAULT_BACKFILL_INTERVAL, DEFAULT_BACKFILL_BATCH);
    }

    static SearchConfig read(ConfigReader aicc) {
        return new SearchConfig(aicc.text("search.embedding.model", DEFAULT_EMBEDDING_MODEL),
                aicc.duration("search.backfill.interval", DEFAULT_BACKFILL_INTERVAL),
                aicc.positiveInt("search.backfill.batch", DEFAULT_BACKFILL_BATCH));
    }

    public SearchConfig withBackfillInterval(Duration interval) {
        return new SearchConfig(embeddingModel, interval, backfillBatch);
    }
}
