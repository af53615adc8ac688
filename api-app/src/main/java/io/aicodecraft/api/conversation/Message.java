package io.aicodecraft.api.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a conversation's tree. {@code parentId} is the message it follows (null for a first message);
 * the versions of an edited user message share {@code originId} (the first version's id) and count up
 * {@code version}. {@code tokens}: the message's own length in estimated tokens. An assistant's reply names the
 * {@code model} that wrote it and {@code droppedTurns}, how many of the branch's oldest turns did not fit in the
 * context budget; both are null on a user message.
 */
public record Message(UUID id, UUID parentId, Role role, String content, int tokens, UUID originId, int version,
                      String model, Integer droppedTurns, Instant createdAt) {
}
