package io.aicodecraft.api.chain;

/** Redis, which holds the chain queue and the chains' live state, cannot be reached right now. */
public final class QueueUnavailableException extends RuntimeException {
    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
