package io.aicodecraft.api.conversation;

import java.util.Optional;

/**
 * Which of the caller's conversations {@code GET /v1/conversations} lists: those with the tag, pinned or not,
 * archived or not (each only when given); the live ones, or with {@code deleted} those deleted and still restorable.
 */
public record ConversationFilter(Optional<String> tag, Optional<Boolean> pinned, Optional<Boolean> archived,
                                 boolean deleted) {
}
