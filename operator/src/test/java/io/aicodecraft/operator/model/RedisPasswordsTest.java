package io.aicodecraft.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisPasswordsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aRotationAddsTheNewPasswordThenMovesOntoItKeepingTheOneItReplaces() {
        RedisPasswords rotating = RedisPasswords.first("p1").rotate("t1", "p2");
        assertThat(rotating.password()).isEqualTo("p1");
        assertThat(rotating.next()).contains("p2");

        RedisPasswords moved = rotating.added(NOW);
        assertThat(moved).isEqualTo(new RedisPasswords("p2", "p1", Optional.empty(), "t1", Optional.of(NOW)));
        assertThat(moved.rotate("t2", "p3").added(NOW).previous()).isEqualTo("p2");
    }

    @Test
    void aNewRotationWaitsUntilRedissPodCanHaveReadTheLatestPassword() {
        assertThat(RedisPasswords.first("p1").nextRotationFrom(NOW)).as("never rotated").isEqualTo(NOW);
        RedisPasswords moved = RedisPasswords.first("p1").rotate("t1", "p2").added(NOW);

        assertThat(moved.nextRotationFrom(NOW.plusSeconds(30))).isEqualTo(NOW.plus(RedisPasswords.MOUNT_SYNC));
        assertThat(moved.nextRotationFrom(NOW.plus(RedisPasswords.MOUNT_SYNC).plusSeconds(1)))
                .isEqualTo(NOW.plus(RedisPasswords.MOUNT_SYNC).plusSeconds(1));
    }

    @Test
    void theSecretAlwaysHoldsEveryKeyRedisIsToldOfAndReadsBackAsTheState() {
        AICodeCraftStack stack = TestStacks.load("minimal");
        RedisPasswords rotating = RedisPasswords.first("p1").added(NOW).rotate("t1", "p2");

        Secret secret = RedisSecret.build(stack, rotating, "exporter-password");

        assertThat(RedisSecret.complete(secret)).isTrue();
        assertThat(RedisSecret.read(secret)).contains(rotating);
        assertThat(SecretData.value(secret, RedisSecret.NEXT_KEY)).isEqualTo("p2");
        assertThat(SecretData.value(RedisSecret.build(stack, RedisPasswords.first("p1"), "exporter-password"), RedisSecret.NEXT_KEY))
                .isEqualTo("p1");
        assertThat(rotating.toString()).doesNotContain("p1", "p2");
    }

    @Test
    void aSecretOfTheEarlierReleaseReadsAsBeforeAnyRotationAndIsIncomplete() {
        Secret earlier = RedisSecret.build(TestStacks.load("minimal"), RedisPasswords.first("p1"), "exporter-password");
        earlier.setData(Map.of(StackNames.REDIS_PASSWORD_KEY, Base64.getEncoder().encodeToString("p1".getBytes())));
        earlier.getMetadata().setAnnotations(null);

        assertThat(RedisSecret.read(earlier)).contains(RedisPasswords.first("p1"));
        assertThat(RedisSecret.complete(earlier)).isFalse();
    }

    @Test
    void theExporterPasswordIsKeptBesideTheRotatingOnesAndASecretWithoutItIsIncomplete() {
        Secret secret = RedisSecret.build(TestStacks.load("minimal"), RedisPasswords.first("p1"), "e1");
        assertThat(RedisSecret.exporterPassword(secret)).contains("e1");
        assertThat(RedisSecret.complete(secret)).isTrue();

        secret.getData().remove(RedisSecret.EXPORTER_KEY);
        assertThat(RedisSecret.exporterPassword(secret)).isEmpty();
        assertThat(RedisSecret.complete(secret)).as("the previous release's three keys").isFalse();
        assertThat(RedisSecret.read(secret)).contains(RedisPasswords.first("p1"));
    }
}
