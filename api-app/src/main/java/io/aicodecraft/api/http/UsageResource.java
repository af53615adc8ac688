package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicodecraft.api.auth.AdminKey;
import io.aicodecraft.api.auth.ApiKey;
import io.aicodecraft.api.auth.ApiKeys;
import io.aicodecraft.api.auth.Principal;
import io.aicodecraft.api.config.QuotaConfig;
import io.aicodecraft.api.config.Tier;
import io.aicodecraft.api.usage.UsageReports;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /v1/usage}: the caller's key's usage today and on the 30 days before, per route, against its tier's
 * limits. With the admin key: every key's (those {@code GET /v1/keys} lists), or one owner's ({@code owner}) or one
 * key's ({@code keyId}).
 */
public final class UsageResource implements HttpService {
    public static final String PATH = "/v1/usage";

    private final UsageReports reports;
    private final ApiKeys keys;
    private final QuotaConfig quota;
    private final JsonReply reply;

    UsageResource(UsageReports reports, ApiKeys keys, QuotaConfig quota, ObjectMapper json) {
        this.reports = reports;
        this.keys = keys;
        this.quota = quota;
        this.reply = new JsonReply(json);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::usage);
    }

    private void usage(ServerRequest req, ServerResponse res) {
        if (req.context().get(AdminKey.class).isPresent()) {
            reply.send(res, Status.OK_200, Map.of("items", reports.of(everyKey(req))));
            return;
        }
        Principal caller = req.context().get(Principal.class).orElseThrow(() -> AuthenticationHeader.unauthorized(
                "send an API key: Authorization: Bearer <key>"));
        UUID key = caller.keyId().orElseThrow(() -> ProblemException.invalid("Authorization",
                "usage is counted per API key: call with Authorization: Bearer <key>, not X-User-Id"));
        reply.send(res, Status.OK_200, reports.of(Map.of(key, quota.tierOf(caller.tier()))).getFirst());
    }

    private Map<UUID, Tier> everyKey(ServerRequest req) {
        Optional<UUID> owner = req.query().first("owner").asOptional().map(text -> KeysResource.uuid("owner", text));
        Optional<UUID> keyId = req.query().first("keyId").asOptional().map(text -> KeysResource.uuid("keyId", text));
        Map<UUID, Tier> tiers = new LinkedHashMap<>();
        for (ApiKey key : keys.list(owner)) {
            if (keyId.isEmpty() || keyId.get().equals(key.id())) {
                tiers.put(key.id(), quota.tierOf(Optional.ofNullable(key.tier())));
            }
        }
        if (keyId.isPresent() && tiers.isEmpty()) {
            throw new ProblemException(ProblemType.KEY_NOT_FOUND, "no API key has id " + keyId.get()
                    + owner.map(o -> " and owner " + o).orElse(""), Optional.of("keyId"));
        }
        return tiers;
    }
}
