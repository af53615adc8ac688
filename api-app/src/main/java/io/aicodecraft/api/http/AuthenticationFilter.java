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
 * Puts the caller ({@link Principal}) of every request to a caller route into its context, or ends it with a 401.
 * Everything else needs no key here: the health checks and {@code /metrics} (probes and scrapers carry no key),
 * {@code /v1/keys}, which checks the admin key itself, and unknown paths, which are 404 whatever the credentials.
 * A caller route needs {@code Authorization: Bearer <key>}; in dev mode a request without it may name its caller
 * with {@code X-User-Id} instead. On {@link UsageResource#PATH} the admin key is accepted too: such a request has
 * the {@link AdminKey} in its context instead of a caller, and no rate limit.
 */
public final class AuthenticationFilter implements Filter {
    private final ApiKeys keys;
    private final AdminKey admin;
    private final boolean devMode;
    private final CallerRoutes callerRoutes;

    AuthenticationFilter(ApiKeys keys, AdminKey admin, boolean devMode, CallerRoutes callerRoutes) {
        this.keys = keys;
        this.admin = admin;
        this.devMode = devMode;
        this.callerRoutes = callerRoutes;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> root = callerRoutes.rootOf(req.path().path());
        root.ifPresent(found -> req.context().register(new CallerRoute(found)));
        if (root.isPresent() && root.get().equals(UsageResource.PATH) && isAdmin(req)) {
            req.context().register(admin);
        } else if (root.isPresent()) {
            req.context().register(principal(req));
        }
        chain.proceed();
    }

    private boolean isAdmin(RoutingRequest req) {
        return AuthenticationHeader.bearerToken(req).filter(admin::accepts).isPresent();
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
