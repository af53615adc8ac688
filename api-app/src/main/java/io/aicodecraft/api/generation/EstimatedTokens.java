package io.aicodecraft.api.generation;

/**
 * Tokens a model call cost, estimated: the model interface returns code alone (the template model has no tokens,
 * and not every OpenAI-compatible server reports usage), so a call counts one token per four characters of what
 * was sent and what came back, the usual rule of thumb for English text and code with GPT-style tokenizers.
 */
public final class EstimatedTokens {
    private static final int CHARACTERS_PER_TOKEN = 4;

    private EstimatedTokens() {
    }

    public static long of(String sent, String received) {
        return Math.ceilDiv((long) sent.length() + received.length(), CHARACTERS_PER_TOKEN);
    }
}
