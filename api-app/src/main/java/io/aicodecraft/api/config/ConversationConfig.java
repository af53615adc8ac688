package io.aicodecraft.api.config;

import java.time.Duration;

/**
 * Conversations ({@code aicc.conversation.*}): how long a deleted conversation can be restored before it is gone,
 * and how many (estimated) tokens of a branch's earlier turns, system prompt and new message are sent to the model
 * at most; older turns are left out beyond it.
 */
public record ConversationConfig(Duration retention, int contextTokens) {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    /** Room for a long exchange about code in the context windows of today's code models. */
    public static final int DEFAULT_CONTEXT_TOKENS = 16_000;

    public ConversationConfig {
        if (retention.toSeconds() < 1) {
            throw new IllegalArgumentException("aicc.conversation.retention must be at least 1s");
        }
        if (contextTokens < 100) {
            throw new IllegalArgumentException("aicc.conversation.context.tokens must be at least 100");
        }
    }

    public static ConversationConfig defaults() {
        return new ConversationConfig(DEFAULT_RETENTION, DEFAULT_CONTEXT_TOKENS);
    }

    static ConversationConfig read(ConfigReader aicc) {
        return new ConversationConfig(aicc.duration("conversation.retention", DEFAULT_RETENTION),
                aicc.positiveInt("conversation.context.tokens", DEFAULT_CONTEXT_TOKENS));
    }

    public ConversationConfig withRetention(Duration period) {
        return new ConversationConfig(period, contextTokens);
    }

    public ConversationConfig withContextTokens(int tokens) {
        return new ConversationConfig(retention, tokens);
    }
}
