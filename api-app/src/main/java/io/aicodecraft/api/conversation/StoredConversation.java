package io.aicodecraft.api.conversation;

import java.util.UUID;

/** A conversation row with what only the server sees of it: its owner, and its revision (one up per change). */
record StoredConversation(UUID owner, long revision, Conversation conversation) {

    boolean deleted() {
        return conversation.deletedAt() != null;
    }
}
