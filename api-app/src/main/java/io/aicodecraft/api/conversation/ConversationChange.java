package io.aicodecraft.api.conversation;

import java.util.List;
import java.util.Optional;

/**
 * {@code PATCH /v1/conversations/{id}}: what changes; an empty field stays as it is. {@code systemPrompt} is
 * present when it changes, and then holds the new prompt or nothing (the prompt is removed).
 */
public record ConversationChange(Optional<String> title, Optional<List<String>> tags, Optional<Boolean> pinned,
                                 Optional<Boolean> archived, Optional<Optional<String>> systemPrompt) {
}
