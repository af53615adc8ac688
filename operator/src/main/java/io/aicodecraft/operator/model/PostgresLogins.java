package io.aicodecraft.operator.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two roles the API logs in to the managed PostgreSQL as, their passwords, and which one the API uses. A rotation
 * gives the idle role a new password ({@link #rotate}) and, once a Job has set it in the database, moves the API onto
 * it ({@link #granted}); the other role keeps its password until the next rotation, so a pod that has not rolled yet
 * still logs in. A new stack starts as a rotation onto the first role, with no role in use yet.
 *
 * @param active     the role the API logs in as; empty until the first role is granted
 * @param passwords  each role's password, by role name
 * @param rotatingTo the role a rotation moves the API onto, once its password is set in the database
 * @param rotation   the {@link CredentialRotation#ANNOTATION} token of the latest rotation started ("" for none)
 * @param rotatedAt  when the API was last moved onto a role
 */
public record PostgresLogins(Optional<String> active, Map<String, String> passwords, Optional<String> rotatingTo,
                             String rotation, Optional<Instant> rotatedAt) {

    public static final List<String> ROLES = List.of("aicodecraft_a", "aicodecraft_b");

    public PostgresLogins {
        passwords = Map.copyOf(passwords);
    }

    public static PostgresLogins first(String password) {
        return first(Optional.empty(), password);
    }

    /**
     * The logins of a Secret made anew while API pods may still log in as {@code inUse} (a person deleted it): the
     * first role granted is the other one, so their password is never changed under them.
     */
    public static PostgresLogins first(Optional<String> inUse, String password) {
        String role = other(inUse);
        return new PostgresLogins(Optional.empty(), Map.of(role, password), Optional.of(role), "", Optional.empty());
    }

    /** The first role in use with {@code password}, as a stack runs once it is granted (for offline rendering). */
    public static PostgresLogins granted(String password) {
        return new PostgresLogins(Optional.of(ROLES.getFirst()), Map.of(ROLES.getFirst(), password), Optional.empty(),
                "", Optional.empty());
    }

    /** The idle role, with {@code password}, becomes the one to move onto, for the rotation {@code token}. */
    public PostgresLogins rotate(String token, String password) {
        String idle = other(active);
        Map<String, String> changed = new LinkedHashMap<>(passwords);
        changed.put(idle, password);
        return new PostgresLogins(active, changed, Optional.of(idle), token, rotatedAt);
    }

    /** The role being moved onto has its password in the database: the API uses it from {@code now}. */
    public PostgresLogins granted(Instant now) {
        return new PostgresLogins(rotatingTo.or(() -> active), passwords, Optional.empty(), rotation, Optional.of(now));
    }

    /** Whether there is a role to grant or in use; a Secret edited down to neither is made anew. */
    public boolean usable() {
        return rotatingTo.or(() -> active).isPresent();
    }

    /** The role whose password must be in the database: the one being moved onto, else the one in use. */
    public String target() {
        return rotatingTo.or(() -> active).orElseThrow();
    }

    public String targetPassword() {
        return passwords.get(target());
    }

    private static String other(Optional<String> role) {
        return ROLES.stream().filter(candidate -> !role.orElse("").equals(candidate)).findFirst().orElseThrow();
    }

    /** Never prints a password. */
    @Override
    public String toString() {
        return "PostgresLogins[active=" + active.orElse("none") + ", rotatingTo=" + rotatingTo.orElse("none") + "]";
    }
}
