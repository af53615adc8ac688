package io.aicodecraft.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.util.Locale;
import java.util.Optional;

/** The token of {@code Authorization: Bearer <token>}; empty without the header, 401 with any other form of it. */
final class AuthenticationHeader {
    private static final String SCHEME = "bearer ";

    private AuthenticationHeader() {
    }

    static Optional<String> bearerToken(ServerRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith(SCHEME) || value.substring(SCHEME.length()).isBlank()) {
            throw unauthorized("the Authorization header must be 'Bearer <key>'");
        }
        return Optional.of(value.substring(SCHEME.length()).strip());
    }

    static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail, Optional.of("Authorization"));
    }
}
