package io.aicodecraft.api.conversation;

/** The conversation has no such message; {@code field} names the input that gave its id (a 404). */
public final class MessageNotFoundException extends RuntimeException {
    private final String field;

    public MessageNotFoundException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
