package io.aicodecraft.api.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key as the admin sees it: never the key itself, only its public prefix. {@code tier} is null for a key
 * without one of its own (the default tier); {@code revokedAt} is null while valid.
 */
public record ApiKey(UUID id, UUID owner, String name, String prefix, String tier, Instant createdAt,
                     Instant revokedAt) {
}
