package io.aicodecraft.api.template;

/** A template, or the variables given to one, that cannot be used; {@code field} names the input at fault (a 400). */
public final class InvalidTemplateException extends RuntimeException {
    private final String field;

    public InvalidTemplateException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
