package io.aicodecraft.api.conversation;

/**
 * A user message and the assistant's reply to it; {@code droppedTurns} of the branch's oldest turns were left out of
 * the model's context to keep it within {@code contextTokens} (estimated: system prompt, turns sent and message).
 */
public record Turn(Message message, Message reply, int droppedTurns, long contextTokens) {
}
