package io.aicodecraft.api.http;

import io.aicodecraft.api.generation.Cursor;
import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;
import java.util.UUID;

/** {@code GET} on a history: the caller, {@code limit} (1..100, default 20) and an optional {@code cursor}. */
public record HistoryRequest(UUID caller, int limit, Optional<Cursor> after) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static HistoryRequest of(ServerRequest req) {
        UUID caller = Caller.of(req);
        int limit = req.query().first("limit").asOptional().map(HistoryRequest::limit).orElse(DEFAULT_LIMIT);
        Optional<Cursor> after = req.query().first("cursor").asOptional().map(text -> {
            try {
                return Cursor.decode(text);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("cursor", e.getMessage());
            }
        });
        return new HistoryRequest(caller, limit, after);
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalid("limit", "limit must be an integer from 1 to " + MAX_LIMIT);
    }
}
