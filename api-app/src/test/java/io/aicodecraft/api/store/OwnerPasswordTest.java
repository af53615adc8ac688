package io.aicodecraft.api.store;

import io.aicodecraft.api.backup.Postgres15;
import io.aicodecraft.api.config.DatabaseConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The owner's password rotation on a PostgreSQL that checks passwords as the managed one does, with every statement
 * logged: the new password works and the old one stops, a retried Job succeeds, and no password reaches the server
 * in clear.
 */
class OwnerPasswordTest {

    private static Postgres15 postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = Postgres15.startCheckingPasswords(List.of("-c log_statement=all"));
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void theOwnerLogsInWithTheNewPasswordOnlyAndARetriedJobSucceeds() throws Exception {
        DatabaseConfig owner = owner("owner_a", "old-owner-password");
        int logBefore = postgres.log().length(); // the test's own CREATE ROLE holds the old password

        assertThat(OwnerPassword.change(owner, "new-owner-password")).isEqualTo(OwnerPassword.Outcome.CHANGED);

        assertThatThrownBy(() -> login("owner_a", "old-owner-password")).hasMessageContaining("password authentication failed");
        login("owner_a", "new-owner-password").close();
        // the Job's pod is retried with the Secret as it was: the old password and the new one to set
        assertThat(OwnerPassword.change(owner, "new-owner-password")).isEqualTo(OwnerPassword.Outcome.ALREADY_SET);
        assertThat(postgres.log().substring(logBefore)).contains("ALTER USER").doesNotContain("old-owner-password", "new-owner-password");
    }

    @Test
    void aPasswordTheServerRefusesAlongWithTheNewOneIsAFailureThatNamesNeither() throws Exception {
        owner("owner_b", "right-password");
        DatabaseConfig wrong = new DatabaseConfig(postgres.url("postgres"), "owner_b", "wrong-password", 0, 1,
                Duration.ofSeconds(5));

        assertThatThrownBy(() -> OwnerPassword.change(wrong, "next-password"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot change the password of owner_b")
                .hasMessageContaining("password authentication failed")
                .message().doesNotContain("wrong-password", "next-password", "right-password");
        login("owner_b", "right-password").close();
    }

    @Test
    void anEmptyNewPasswordIsRefusedBeforeAnyConnection() {
        var owner = new DatabaseConfig(postgres.url("postgres"), "nobody", "x", 0, 1, Duration.ofSeconds(5));
        assertThatThrownBy(() -> OwnerPassword.change(owner, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aicc.owner.next.password");
    }

    private static DatabaseConfig owner(String role, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.url("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        }
        return new DatabaseConfig(postgres.url("postgres"), role, password, 0, 1, Duration.ofSeconds(5));
    }

    private static Connection login(String role, String password) throws SQLException {
        return DriverManager.getConnection(postgres.url("postgres"), role, password);
    }
}
