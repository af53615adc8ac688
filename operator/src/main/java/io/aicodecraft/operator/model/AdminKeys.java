package io.aicodecraft.operator.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The stack's admin key and, after a rotation, the one it replaced, which the API accepts until it expires so the
 * tenant's tools can move to the new key.
 *
 * @param key       the admin key
 * @param previous  the key the latest rotation replaced, and when the API stops accepting it
 * @param rotation  the {@link CredentialRotation#ANNOTATION} token of the latest rotation ("" for none)
 * @param rotatedAt when the latest rotation was made
 */
public record AdminKeys(String key, Optional<Previous> previous, String rotation, Optional<Instant> rotatedAt) {

    /** How long the replaced key keeps working: a day to update what uses it. */
    public static final Duration GRACE = Duration.ofHours(24);

    public record Previous(String key, Instant expires) {

        @Override
        public String toString() {
            return "Previous[expires=" + expires + "]";
        }
    }

    public static AdminKeys first(String key) {
        return new AdminKeys(key, Optional.empty(), "", Optional.empty());
    }

    /** {@code newKey} becomes the admin key at {@code now}; the current one keeps working for {@link #GRACE}. */
    public AdminKeys rotate(String token, String newKey, Instant now) {
        return new AdminKeys(newKey, Optional.of(new Previous(key, now.plus(GRACE))), token, Optional.of(now));
    }

    /** Never prints a key. */
    @Override
    public String toString() {
        return "AdminKeys[rotation=" + rotation + ", previous=" + previous.map(Previous::toString).orElse("none") + "]";
    }
}
