package io.aicodecraft.api.conversation;

import io.aicodecraft.api.ai.Exchange;
import io.aicodecraft.api.generation.EstimatedTokens;

import java.util.List;
import java.util.Optional;

/**
 * The earlier turns of a branch that go to the model with a new message: the newest that fit in the budget together
 * with the system prompt and the message, so the oldest are the ones left out. The system prompt and the message
 * always go, even alone over the budget: without them there is nothing to answer.
 */
record ContextWindow(List<Exchange> kept, int dropped, long tokens) {

    ContextWindow {
        kept = List.copyOf(kept);
    }

    static ContextWindow fit(int budget, Optional<String> systemPrompt, List<Exchange> turns, String message) {
        long used = tokens(systemPrompt.orElse("")) + tokens(message);
        int first = turns.size();
        while (first > 0) {
            Exchange older = turns.get(first - 1);
            long cost = tokens(older.user()) + tokens(older.assistant());
            if (used + cost > budget) {
                break;
            }
            used += cost;
            first--;
        }
        return new ContextWindow(turns.subList(first, turns.size()), first, used);
    }

    static int tokens(String text) {
        return Math.toIntExact(EstimatedTokens.of(text, ""));
    }
}
