package io.aicodecraft.api.conversation;

/** A request the conversation's tree cannot take; {@code field} names the input at fault (a 400). */
public final class InvalidConversationException extends RuntimeException {
    private final String field;

    public InvalidConversationException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
