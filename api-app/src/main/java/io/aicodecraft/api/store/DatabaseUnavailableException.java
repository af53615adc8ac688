package io.aicodecraft.api.store;

/** PostgreSQL could not be reached in time; the API answers 503 and retries on the next request. */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
