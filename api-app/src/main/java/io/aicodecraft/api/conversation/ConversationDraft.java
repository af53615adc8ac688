package io.aicodecraft.api.conversation;

import io.aicodecraft.api.ai.Language;

import java.util.List;
import java.util.Optional;

/** {@code POST /v1/conversations}: a new conversation; {@code model} is the provider's default when left out. */
public record ConversationDraft(String title, Language language, Optional<String> systemPrompt, Optional<String> model,
                                List<String> tags) {

    public ConversationDraft {
        tags = List.copyOf(tags);
    }
}
