package io.aicodecraft.api.conversation;

/** The caller has no such conversation: none with the id, another caller's, or deleted (a 404). */
public final class ConversationNotFoundException extends RuntimeException {
    public ConversationNotFoundException(String message) {
        super(message, null, false, false);
    }
}
