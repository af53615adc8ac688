package io.aicodecraft.api.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.config.ModelConfig;

import java.util.List;

/**
 * An OpenAI-compatible embeddings route ({@code POST {baseUrl}embeddings}): all texts in one request, asking for
 * {@link #DIMENSIONS} dimensions (the text-embedding-3 models shorten their vectors to it). A service that answers
 * another size cannot be stored and is a model failure that says so.
 */
public final class OpenAiEmbeddings implements EmbeddingModel {
    /** Far below every provider's input limit (8k tokens for OpenAI's): a longer text is embedded by its start. */
    static final int MAX_TEXT_CHARS = 8_000;

    private final ObjectMapper json = new ObjectMapper();
    private final OpenAiEndpoint endpoint;
    private final String model;

    public OpenAiEmbeddings(ModelConfig config, String model) {
        this.endpoint = new OpenAiEndpoint(config, "embeddings", json, "the embedding model");
        this.model = model;
    }

    @Override
    public String name() {
        return model;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        ObjectNode body = json.createObjectNode().put("model", model).put("dimensions", DIMENSIONS);
        ArrayNode input = body.putArray("input");
        texts.forEach(text -> input.add(text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text));
        JsonNode data = endpoint.post(body).path("data");
        if (!data.isArray() || data.size() != texts.size()) {
            throw new ModelFailureException("the embedding model answered " + (data.isArray() ? data.size() : "no")
                    + " embeddings for " + texts.size() + " texts");
        }
        float[][] vectors = new float[texts.size()][];
        for (JsonNode item : data) {
            int index = item.path("index").asInt(-1);
            if (index < 0 || index >= vectors.length || vectors[index] != null) {
                throw new ModelFailureException("the embedding model's answer has a bad or repeated data[].index");
            }
            vectors[index] = vector(item.path("embedding"));
        }
        return List.of(vectors);
    }

    private static float[] vector(JsonNode embedding) {
        if (!embedding.isArray() || embedding.size() != DIMENSIONS) {
            throw new ModelFailureException("the embedding model answered " + (embedding.isArray() ? embedding.size() : "no")
                    + " dimensions; semantic search stores " + DIMENSIONS
                    + ": choose a model that takes \"dimensions\": " + DIMENSIONS + " (aicc.search.embedding.model)");
        }
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            JsonNode component = embedding.get(i);
            if (!component.isNumber()) {
                throw new ModelFailureException("the embedding model's vector has a component that is not a number");
            }
            vector[i] = component.floatValue();
        }
        return vector;
    }
}
