package io.aicodecraft.api.conversation;

import io.aicodecraft.api.ai.Language;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation as its owner sees it. {@code systemPrompt} is null when it has none; {@code deletedAt} and
 * {@code restorableUntil} are null unless it is deleted, when it can be restored until {@code restorableUntil}.
 */
public record Conversation(UUID id, String title, Language language, String systemPrompt, String model,
                           List<String> tags, boolean pinned, boolean archived, Instant createdAt, Instant updatedAt,
                           Instant deletedAt, Instant restorableUntil) {

    public Conversation {
        tags = List.copyOf(tags);
    }
}
