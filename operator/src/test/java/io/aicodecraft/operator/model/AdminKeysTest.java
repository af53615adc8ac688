package io.aicodecraft.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdminKeysTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aRotationKeepsTheReplacedKeyForTheGracePeriod() {
        AdminKeys rotated = AdminKeys.first("k1").rotate("t1", "k2", NOW);

        assertThat(rotated.key()).isEqualTo("k2");
        assertThat(rotated.previous()).contains(new AdminKeys.Previous("k1", NOW.plus(AdminKeys.GRACE)));
        assertThat(rotated.rotation()).isEqualTo("t1");
        assertThat(rotated.toString()).doesNotContain("k1", "k2");
    }

    @Test
    void theSecretHoldsTheKeysAndReadsBackAsThem() {
        AICodeCraftStack stack = TestStacks.load("minimal");
        AdminKeys rotated = AdminKeys.first("k1").rotate("t1", "k2", NOW);

        Secret secret = AdminKeySecret.build(stack, rotated);

        assertThat(AdminKeySecret.read(secret)).contains(rotated);
        assertThat(AdminKeySecret.read(AdminKeySecret.build(stack, AdminKeys.first("k1")))).contains(AdminKeys.first("k1"));
        assertThat(secret.getMetadata().getAnnotations().values()).doesNotContain("k1", "k2");
    }

    @Test
    void aSecretWithoutAKeyHoldsNone() {
        Secret secret = AdminKeySecret.build(TestStacks.load("minimal"), AdminKeys.first("k1"));
        secret.getData().clear();

        assertThat(AdminKeySecret.read(secret)).isEmpty();
    }

    @Test
    void aTokenIsDueOnceAndABlankOneNever() {
        assertThat(CredentialRotation.due("t1", "")).isTrue();
        assertThat(CredentialRotation.due("t1", "t1")).isFalse();
        assertThat(CredentialRotation.due("", "t1")).isFalse();
    }
}
