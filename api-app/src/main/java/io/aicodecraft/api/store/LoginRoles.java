package io.aicodecraft.api.store;

import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The roles the API server logs in as, kept apart from the owner that runs the migrations: each is a member of
 * {@value #GROUP}, which may read and write every table of the schema (today's and, by default privileges, those
 * later migrations add) and nothing more. Two such roles let a password be rotated without downtime: the idle one
 * gets the new password while pods still use the other ({@code grant-login}, run by the operator's Job as the owner).
 */
public final class LoginRoles {

    public static final String GROUP = "aicodecraft_app";
    /** A plain lower-case identifier, so it needs no quoting anywhere a tenant types it (psql, pg_hba). */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final List<String> GROUP_PRIVILEGES = List.of(
            "GRANT USAGE ON SCHEMA public TO " + GROUP,
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + GROUP,
            "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + GROUP,
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + GROUP,
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + GROUP);

    private final DataSource owner;

    /** {@code owner}: connections as the role that owns the schema and runs the migrations. */
    public LoginRoles(DataSource owner) {
        this.owner = owner;
    }

    /**
     * Makes {@code role} a login member of {@value #GROUP} whose password is {@code password}, creating what is
     * missing. The password reaches the server only as a SCRAM verifier computed here, so no statement, log or
     * {@code pg_stat_activity} row ever holds it.
     */
    public void grant(String role, String password) {
        if (!NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("login role '" + role + "' is not a lower-case PostgreSQL identifier");
        }
        if (password.isBlank()) {
            throw new IllegalArgumentException("the password of login role " + role + " is empty");
        }
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // one grant-login at a time: two Jobs racing to create the group would fail on its name
                statement.execute("SELECT pg_advisory_xact_lock(hashtext('" + GROUP + "'))");
                if (!exists(connection, GROUP)) {
                    statement.execute("CREATE ROLE " + GROUP + " NOLOGIN");
                }
                for (String grant : GROUP_PRIVILEGES) {
                    statement.execute(grant);
                }
                if (!exists(connection, role)) {
                    statement.execute("CREATE ROLE " + role + " LOGIN IN ROLE " + GROUP);
                } else {
                    statement.execute("ALTER ROLE " + role + " LOGIN");
                    statement.execute("GRANT " + GROUP + " TO " + role);
                }
            }
            connection.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant login role " + role + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            return query.executeQuery().next();
        }
    }
}
