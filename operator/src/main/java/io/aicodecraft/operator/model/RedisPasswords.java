package io.aicodecraft.operator.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The passwords the managed Redis's {@code default} user accepts, and the one the API uses. Redis takes several
 * passwords for a user, which is how a rotation goes without downtime: a Job adds the new one beside the one in use
 * ({@link #rotate}), then the API moves onto it ({@link #added}); the replaced one is dropped only by the next rotation,
 * which waits until every API pod uses the new one and Redis's own pod reads it ({@link #MOUNT_SYNC}).
 *
 * @param password  the password the API uses
 * @param previous  the one the latest rotation replaced, still accepted (the same as {@code password} before any)
 * @param next      the password a rotation adds, once its Job has set it in Redis
 * @param rotation  the {@link CredentialRotation#ANNOTATION} token of the latest rotation started ("" for none)
 * @param rotatedAt when the API was last moved onto a new password
 */
public record RedisPasswords(String password, String previous, Optional<String> next, String rotation,
                             Optional<Instant> rotatedAt) {

    /**
     * How long after a rotation the next may drop the password it replaced: Redis's readiness probe reads the password
     * from its mounted Secret, which the kubelet updates only within about a minute (its sync period and cache), and
     * until then still holds the replaced one.
     */
    public static final Duration MOUNT_SYNC = Duration.ofMinutes(2);

    public static RedisPasswords first(String password) {
        return new RedisPasswords(password, password, Optional.empty(), "", Optional.empty());
    }

    public RedisPasswords rotate(String token, String newPassword) {
        return new RedisPasswords(password, previous, Optional.of(newPassword), token, rotatedAt);
    }

    /** Redis accepts the new password: the API uses it from {@code now}, and the one it replaces stays accepted. */
    public RedisPasswords added(Instant now) {
        return new RedisPasswords(next.orElse(password), password, Optional.empty(), rotation, Optional.of(now));
    }

    /** When a new rotation may start: {@link #MOUNT_SYNC} after the latest, or now when there was none. */
    public Instant nextRotationFrom(Instant now) {
        return rotatedAt.map(rotated -> rotated.plus(MOUNT_SYNC)).filter(at -> at.isAfter(now)).orElse(now);
    }

    /** Never prints a password. */
    @Override
    public String toString() {
        return "RedisPasswords[rotation=" + rotation + ", rotating=" + next.isPresent() + "]";
    }
}
