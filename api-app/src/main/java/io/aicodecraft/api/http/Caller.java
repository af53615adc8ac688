package io.aicodecraft.api.http;

import io.aicodecraft.api.auth.Principal;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is asking: the owner of the request's API key, as {@link AuthenticationFilter} found it (in dev mode, without
 * a key, the {@code X-User-Id} header). Resources take the caller from here, never from a header themselves.
 */
public final class Caller {
    public static final HeaderName USER_ID = HeaderNames.create("X-User-Id");

    private Caller() {
    }

    public static UUID of(ServerRequest req) {
        return req.context().get(Principal.class).map(Principal::owner).orElseThrow(() -> new ProblemException(
                ProblemType.UNAUTHORIZED, "send an API key: Authorization: Bearer <key>", Optional.of("Authorization")));
    }
}
