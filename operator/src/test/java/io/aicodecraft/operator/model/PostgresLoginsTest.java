package io.aicodecraft.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresLoginsTest {

    private static final String A = PostgresLogins.ROLES.get(0);
    private static final String B = PostgresLogins.ROLES.get(1);
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aNewStackGrantsTheFirstRoleBeforeTheApiUsesAny() {
        PostgresLogins first = PostgresLogins.first("p1");

        assertThat(first.active()).isEmpty();
        assertThat(first.target()).isEqualTo(A);
        assertThat(first.granted(NOW).active()).contains(A);
        assertThat(first.granted(NOW).rotatingTo()).isEmpty();
    }

    @Test
    void aSecretMadeAnewWhilePodsUseARoleGrantsTheOtherOne() {
        assertThat(PostgresLogins.first(Optional.of(A), "p1").target()).isEqualTo(B);
        assertThat(PostgresLogins.first(Optional.of(B), "p1").target()).isEqualTo(A);
    }

    @Test
    void eachRotationGivesTheIdleRoleANewPasswordAndLeavesTheOneInUseAlone() {
        PostgresLogins onA = PostgresLogins.first("p1").granted(NOW);

        PostgresLogins toB = onA.rotate("t1", "p2");
        assertThat(toB.active()).contains(A);
        assertThat(toB.target()).isEqualTo(B);
        assertThat(toB.passwords()).isEqualTo(Map.of(A, "p1", B, "p2"));

        PostgresLogins toA = toB.granted(NOW).rotate("t2", "p3");
        assertThat(toA.active()).contains(B);
        assertThat(toA.target()).isEqualTo(A);
        assertThat(toA.passwords()).isEqualTo(Map.of(A, "p3", B, "p2"));
        assertThat(toA.rotation()).isEqualTo("t2");
    }

    @Test
    void theSecretHoldsTheStateAndReadsBackAsIt() {
        AICodeCraftStack stack = TestStacks.load("minimal");
        PostgresLogins rotating = PostgresLogins.first("p1").granted(NOW).rotate("t1", "p2");

        Secret secret = PostgresLoginSecret.build(stack, rotating);

        assertThat(PostgresLoginSecret.read(secret)).isEqualTo(rotating);
        assertThat(SecretData.value(secret, StackNames.POSTGRES_USERNAME_KEY)).isEqualTo(A);
        assertThat(SecretData.value(secret, StackNames.POSTGRES_PASSWORD_KEY)).isEqualTo("p1");
        assertThat(secret.getMetadata().getAnnotations().values()).doesNotContain("p1", "p2");
        assertThat(PostgresLoginSecret.read(PostgresLoginSecret.build(stack, rotating.granted(NOW))).rotatingTo()).isEmpty();
    }

    @Test
    void aSecretEditedIntoNonsenseIsUnusableOrLosesOnlyTheNonsense() {
        AICodeCraftStack stack = TestStacks.load("minimal");
        Secret secret = PostgresLoginSecret.build(stack, PostgresLogins.first("p1").granted(NOW));
        secret.getMetadata().getAnnotations().put(CredentialRotation.ROTATED_AT, "yesterday");
        assertThat(PostgresLoginSecret.read(secret).rotatedAt()).isEmpty();
        assertThat(PostgresLoginSecret.read(secret).active()).contains(A);

        secret.setData(Map.of());
        assertThat(PostgresLoginSecret.read(secret).usable()).isFalse();
        assertThat(PostgresLoginSecret.read(secret).active()).isEqualTo(Optional.empty());
    }

    @Test
    void printingTheLoginsShowsNoPassword() {
        assertThat(PostgresLogins.first("secret-password").toString()).doesNotContain("secret-password");
    }
}
