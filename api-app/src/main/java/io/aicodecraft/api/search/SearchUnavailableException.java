package io.aicodecraft.api.search;

/** The database has no pgvector (or not its part of the schema): semantic search cannot answer (501). */
public final class SearchUnavailableException extends RuntimeException {
    public SearchUnavailableException(String message) {
        super(message);
    }
}
