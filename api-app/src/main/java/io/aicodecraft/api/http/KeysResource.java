package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.auth.AdminKey;
import io.aicodecraft.api.auth.ApiKey;
import io.aicodecraft.api.auth.ApiKeys;
import io.aicodecraft.api.auth.IssuedKey;
import io.aicodecraft.api.config.QuotaConfig;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code /v1/keys}, for the admin key only: create a key for an owner, of a tier (the default tier when the request
 * names none; the plain key is in this one response and
 * nowhere else), list keys (never their secrets), revoke one. Revocation holds at once on every instance, since each
 * request's key is checked in PostgreSQL.
 */
public final class KeysResource implements HttpService {
    public static final String PATH = "/v1/keys";
    private static final int MAX_NAME_LENGTH = 200;

    private final ApiKeys keys;
    private final AdminKey admin;
    private final QuotaConfig quota;
    private final ObjectMapper json;
    private final JsonReply reply;

    public KeysResource(ApiKeys keys, AdminKey admin, QuotaConfig quota, ObjectMapper json) {
        this.keys = keys;
        this.admin = admin;
        this.quota = quota;
        this.json = json;
        this.reply = new JsonReply(json);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create).get("/", this::list).delete("/{id}", this::revoke);
    }

    private void create(ServerRequest req, ServerResponse res) {
        requireAdmin(req);
        JsonBody body = JsonBody.read(req, json, Set.of("name", "owner", "tier"));
        FieldProblems check = new FieldProblems();
        String name = check.read(() -> body.text("name", MAX_NAME_LENGTH));
        UUID owner = check.read(() -> body.optionalText("owner").map(text -> uuid("owner", text))
                .orElseGet(UUID::randomUUID));
        Optional<String> tier = check.read(() -> body.optionalText("tier").map(String::strip).map(this::tier));
        check.throwIfAny();
        IssuedKey issued = keys.create(owner, name.strip(), tier);
        ObjectNode created = json.valueToTree(issued.key());
        created.put("key", issued.plainText());
        reply.send(res, Status.CREATED_201, created);
    }

    private void list(ServerRequest req, ServerResponse res) {
        requireAdmin(req);
        Optional<UUID> owner = req.query().first("owner").asOptional().map(text -> uuid("owner", text));
        reply.send(res, Status.OK_200, Map.of("items", keys.list(owner)));
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        requireAdmin(req);
        UUID id = uuid("id", req.path().pathParameters().get("id"));
        if (!keys.revoke(id)) {
            throw new ProblemException(ProblemType.KEY_NOT_FOUND, "no API key has id " + id, Optional.of("id"));
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private String tier(String name) {
        if (quota.tier(name).isEmpty()) {
            throw ProblemException.invalid("tier", "tier '" + name + "' is not configured; tiers: "
                    + String.join(", ", new TreeSet<>(quota.tiers().keySet())));
        }
        return name;
    }

    private void requireAdmin(ServerRequest req) {
        if (!admin.configured()) {
            throw AuthenticationHeader.unauthorized("keys cannot be managed: no admin key is configured (AICC_ADMIN_KEY)");
        }
        String token = AuthenticationHeader.bearerToken(req)
                .orElseThrow(() -> AuthenticationHeader.unauthorized("send the admin key: Authorization: Bearer <admin key>"));
        if (!admin.accepts(token)) {
            throw AuthenticationHeader.unauthorized("this is not the admin key");
        }
    }

    static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, field + " must be a UUID");
        }
    }
}
