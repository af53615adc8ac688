package io.aicodecraft.operator.model;

import java.time.Instant;
import java.util.Optional;

/**
 * The password of the managed PostgreSQL's owner (the role the migrations, grants, backups and restores log in as;
 * never a running server). A rotation puts the new one beside it ({@link #rotate}), a Job sets it in PostgreSQL
 * (OwnerPasswordJob), then the Secret holds it alone ({@link #changed}). PostgreSQL keeps one password per role, so a
 * Job that starts between those two steps logs in with the replaced one and is refused; the operator's own Jobs are
 * retried with the Secret as it is then.
 *
 * @param password  the password PostgreSQL takes, and the owner's Jobs use
 * @param next      a rotation's new password, until its Job has set it
 * @param rotation  the {@link CredentialRotation#ANNOTATION} token of the latest rotation started ("" for none)
 * @param rotatedAt when PostgreSQL last took a new password
 */
public record PostgresOwnerPassword(String password, Optional<String> next, String rotation,
                                    Optional<Instant> rotatedAt) {

    public static PostgresOwnerPassword first(String password) {
        return new PostgresOwnerPassword(password, Optional.empty(), "", Optional.empty());
    }

    public PostgresOwnerPassword rotate(String token, String newPassword) {
        return new PostgresOwnerPassword(password, Optional.of(newPassword), token, rotatedAt);
    }

    /** PostgreSQL has the new password: it is the only one from {@code now}. */
    public PostgresOwnerPassword changed(Instant now) {
        return new PostgresOwnerPassword(next.orElse(password), Optional.empty(), rotation, Optional.of(now));
    }

    /** Never prints a password. */
    @Override
    public String toString() {
        return "PostgresOwnerPassword[rotation=" + rotation + ", rotating=" + next.isPresent() + "]";
    }
}
