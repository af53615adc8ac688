package io.aicodecraft.api.ai;

/** The code model did not answer usefully; the API reports it as 502 Bad Gateway. */
public final class ModelFailureException extends RuntimeException {
    public ModelFailureException(String message) {
        super(message);
    }

    public ModelFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
