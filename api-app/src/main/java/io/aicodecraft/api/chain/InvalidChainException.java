package io.aicodecraft.api.chain;

/** A submitted chain that cannot run; {@code field} is the JSON path of the offending input (a 400). */
public final class InvalidChainException extends RuntimeException {
    private final String field;

    public InvalidChainException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
