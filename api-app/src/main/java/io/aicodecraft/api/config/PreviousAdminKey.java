package io.aicodecraft.api.config;

import java.time.Instant;

/**
 * The admin key a rotation replaced, still accepted until {@code expires} so clients can move to the new one
 * ({@code aicc.previous.admin.key} and {@code aicc.previous.key.expires}, RFC 3339).
 */
public record PreviousAdminKey(String key, Instant expires) {

    /** Never prints the key. */
    @Override
    public String toString() {
        return "PreviousAdminKey[expires=" + expires + "]";
    }
}
