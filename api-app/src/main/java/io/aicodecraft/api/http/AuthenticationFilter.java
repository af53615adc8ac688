package io.aicodecraft.api.http;

import io.aicodecraft.api.auth.AdminKey;
import io.aicodecraft.api.auth.ApiKeys;
import io.aicodecraft.api.auth.KeyText;
import io.aicodecraft.api.auth.Principal;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.Optional;
import java.util.UUID;

/**
 * Puts the caller ({@link Principal}) of every request into its context, or ends it with a 401. Open without a key:
 * the health checks and {@code /metrics} (probes and scrapers carry no key), and {@code /v1/keys}, which checks the
 * admin key itself. Everything else, unknown paths included, needs {@code Authorization: Bearer <key>}; in dev mode
 * a request without it may name its caller with {@code X-User-Id} instead.
 */
public final class AuthenticationFilter implements Filter {
    private final ApiKeys keys;
    private final AdminKey admin;
    private final boolean devMode;

    public AuthenticationFilter(ApiKeys keys, AdminKey admin, boolean devMode) {
        this.keys = keys;
        this.admin = admin;
        this.devMode = devMode;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!isOpen(req.path().path())) {
            req.context().register(principal(req));
        }
        chain.proceed();
    }

    private static boolean isOpen(String path) {
        return under(path, "/health") || under(path, "/metrics") || under(path, KeysResource.PATH);
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }

    private Principal principal(RoutingRequest req) {
        Optional<String> token = AuthenticationHeader.bearerToken(req);
        if (token.isPresent()) {
            if (admin.accepts(token.get())) {
                throw AuthenticationHeader.unauthorized(
                        "this is the admin key, which only manages keys (" + KeysResource.PATH + "): call the API with a key made there");
            }
            return KeyText.parse(token.get()).flatMap(keys::authenticate)
                    .orElseThrow(() -> AuthenticationHeader.unauthorized("the API key is not valid or has been revoked"));
        }
        if (devMode) {
            return Principal.devUser(devUser(req));
        }
        throw AuthenticationHeader.unauthorized("send an API key: Authorization: Bearer <key>");
    }

    private static UUID devUser(RoutingRequest req) {
        String value = req.headers().first(Caller.USER_ID).orElseThrow(() -> AuthenticationHeader.unauthorized(
                "dev mode: send header X-User-Id (a UUID) or Authorization: Bearer <key>"));
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(Caller.USER_ID.defaultCase(), "header X-User-Id must be a UUID");
        }
    }
}
