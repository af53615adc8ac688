package io.aicodecraft.api.store;

/** The database lacks migrations this build needs; {@code serve} refuses to start. */
public final class SchemaBehindException extends RuntimeException {
    public SchemaBehindException(String message) {
        super(message);
    }
}
