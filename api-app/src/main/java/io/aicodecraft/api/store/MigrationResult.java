package io.aicodecraft.api.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * What {@code migrate} left the database with, as the one JSON line it writes to its result file for the operator
 * (the migration Job's termination message): {@code {"schemaVersion":"8","pgvector":"0.8.5"}}, {@code pgvector}
 * null where the server has no pgvector and semantic search answers 501.
 */
public record MigrationResult(String schemaVersion, String pgvector) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Optional<String> pgvectorVersion() {
        return Optional.ofNullable(pgvector);
    }

    public String jsonLine() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@code migrate} prints. */
    public String describe() {
        return "migrations applied; schema version " + schemaVersion + pgvectorVersion().map(v -> "; pgvector " + v)
                .orElse("; no pgvector on this server, so semantic search answers 501");
    }
}
