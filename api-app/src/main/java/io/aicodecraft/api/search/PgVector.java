package io.aicodecraft.api.search;

/** pgvector's text form of a vector, {@code [0.1,-0.2,...]}, bound as a parameter cast with {@code ?::vector}. */
final class PgVector {
    private PgVector() {
    }

    static String literal(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(vector[i]);
        }
        return text.append(']').toString();
    }
}
