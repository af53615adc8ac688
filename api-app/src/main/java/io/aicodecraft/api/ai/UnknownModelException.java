package io.aicodecraft.api.ai;

/** The request names a model the configured provider does not offer (a 400 naming {@code model}). */
public final class UnknownModelException extends RuntimeException {
    public UnknownModelException(String message) {
        super(message);
    }
}
