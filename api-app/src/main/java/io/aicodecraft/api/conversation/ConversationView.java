package io.aicodecraft.api.conversation;

import java.util.List;

/** {@code GET /v1/conversations/{id}}: the conversation and its current branch, root first. */
public record ConversationView(Conversation conversation, List<Message> messages) {

    public ConversationView {
        messages = List.copyOf(messages);
    }
}
