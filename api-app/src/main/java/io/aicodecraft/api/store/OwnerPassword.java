package io.aicodecraft.api.store;

import io.aicodecraft.api.config.DatabaseConfig;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A new password for the role that owns the schema (the one {@code aicc.db.*} logs in as): the operator's Job of a
 * rotation runs it ({@code set-owner-password}) before it moves the stack's Secret onto the new password. No server
 * keeps the owner logged in (only Jobs use it), so one password at a time is enough.
 */
public final class OwnerPassword {

    /** SQLSTATE invalid_password: the server refused the password, as opposed to being away. */
    private static final String INVALID_PASSWORD = "28P01";

    public enum Outcome { CHANGED, ALREADY_SET }

    private OwnerPassword() {
    }

    /**
     * Logs in as the owner with its password and gives it {@code next}, sent only as a SCRAM verifier computed here.
     * When the server refuses the password but takes {@code next}, an earlier run of the same Job changed it and
     * failed before it could say so: that is {@link Outcome#ALREADY_SET}, not a failure, so a retried Job succeeds.
     */
    public static Outcome change(DatabaseConfig owner, String next) {
        if (next.isBlank()) {
            throw new IllegalArgumentException("the owner's new password (aicc.owner.next.password) is empty");
        }
        try (Connection connection = DriverManager.getConnection(owner.url(), owner.user(), owner.password())) {
            connection.unwrap(PGConnection.class).alterUserPassword(owner.user(), next.toCharArray(), "scram-sha-256");
            return Outcome.CHANGED;
        } catch (SQLException refused) {
            if (!INVALID_PASSWORD.equals(refused.getSQLState())) {
                throw failure(owner, refused);
            }
            try (Connection ignored = DriverManager.getConnection(owner.url(), owner.user(), next)) {
                return Outcome.ALREADY_SET;
            } catch (SQLException alsoRefused) {
                throw failure(owner, refused);
            }
        }
    }

    private static IllegalStateException failure(DatabaseConfig owner, SQLException e) {
        return new IllegalStateException("cannot change the password of " + owner.user() + ": " + e.getMessage(), e);
    }
}
