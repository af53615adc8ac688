package io.aicodecraft.api.ai;

import io.aicodecraft.api.config.ModelConfig;
import io.aicodecraft.api.config.SearchConfig;

import java.util.List;

/**
 * Turns texts into vectors whose cosine distance says how alike their meanings are, for semantic search: the
 * in-process all-MiniLM-L6-v2 with the offline {@code template} provider, the provider's {@code embeddings} route
 * with {@code openai}. Every vector has {@link #DIMENSIONS} components, the size of the columns of migration V8.
 */
public interface EmbeddingModel {
    int DIMENSIONS = 384;

    /** Stored with each embedding: vectors of different models are not comparable. */
    String name();

    /** One vector per text, in order; throws {@link ModelFailureException}. */
    List<float[]> embed(List<String> texts);

    static EmbeddingModel from(ModelConfig model, SearchConfig search) {
        return switch (model.provider()) {
            case TEMPLATE -> new MiniLmEmbeddings();
            case OPENAI -> new OpenAiEmbeddings(model, search.embeddingModel());
        };
    }
}
