package io.aicodecraft.api.ai;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.List;

/**
 * all-MiniLM-L6-v2, quantized, run by ONNX Runtime in this JVM (LangChain4j's packaging of it): 384 dimensions,
 * a few milliseconds a sentence on one core, no network. The model (about 20 MB, and a second to load) is loaded
 * once per JVM on first use, not at start, so a server that never searches never pays for it; it is read-only and
 * safe to share between threads.
 */
public final class MiniLmEmbeddings implements EmbeddingModel {
    public static final String NAME = "all-minilm-l6-v2-q";

    /** The JVM loads this class, and so the model, when {@link #embed} first reads it. */
    private static final class Loaded {
        static final AllMiniLmL6V2QuantizedEmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return Loaded.MODEL.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }
}
