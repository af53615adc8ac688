package io.aicodecraft.api.auth;

import java.util.Optional;
import java.util.UUID;

/**
 * The authenticated caller of a request: the owner whose history, templates and chains it touches, and the key
 * it used with the key's tier (empty for {@code X-User-Id} in dev mode, which has no key and so no rate limit).
 */
public record Principal(UUID owner, Optional<UUID> keyId, Optional<String> tier) {

    /** {@code tier} empty: the key has none of its own, so the default tier. */
    public static Principal ofKey(UUID owner, UUID keyId, Optional<String> tier) {
        return new Principal(owner, Optional.of(keyId), tier);
    }

    public static Principal devUser(UUID owner) {
        return new Principal(owner, Optional.empty(), Optional.empty());
    }
}
