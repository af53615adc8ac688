package io.aicodecraft.api.ai;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real all-MiniLM-L6-v2, in this JVM: the vectors semantic search stores. */
class MiniLmEmbeddingsTest {
    private final EmbeddingModel model = new MiniLmEmbeddings();

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void embedsEachTextIn384DimensionsInOrder() {
        List<float[]> vectors = model.embed(List.of("reverse a string", "sort a list", "reverse a string"));

        assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(EmbeddingModel.DIMENSIONS));
        assertThat(vectors.get(2)).containsExactly(vectors.get(0));
    }

    @Test
    void textsOfTheSameMeaningAreNearerThanTextsOfAnother() {
        List<float[]> v = model.embed(List.of("reverse a string",
                "return the characters of a text in backwards order", "sort numbers in ascending order"));

        assertThat(cosine(v.get(0), v.get(1))).isGreaterThan(cosine(v.get(0), v.get(2)) + 0.2);
    }
}
