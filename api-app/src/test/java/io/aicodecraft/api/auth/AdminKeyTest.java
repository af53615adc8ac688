package io.aicodecraft.api.auth;

import io.aicodecraft.api.config.PreviousAdminKey;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AdminKeyTest {

    private static final Instant ROTATED = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant EXPIRES = ROTATED.plus(Duration.ofHours(24));

    private static AdminKey at(Instant now) {
        return new AdminKey(Optional.of("new-admin-key-0123456789"),
                Optional.of(new PreviousAdminKey("old-admin-key-0123456789", EXPIRES)), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void afterARotationBothKeysWorkUntilThePreviousOneExpires() {
        assertThat(at(ROTATED).accepts("new-admin-key-0123456789")).isTrue();
        assertThat(at(ROTATED).accepts("old-admin-key-0123456789")).isTrue();
        assertThat(at(EXPIRES.minusSeconds(1)).accepts("old-admin-key-0123456789")).isTrue();
    }

    @Test
    void oncePreviousKeyExpiredOnlyTheNewOneWorks() {
        assertThat(at(EXPIRES).accepts("old-admin-key-0123456789")).isFalse();
        assertThat(at(EXPIRES).accepts("new-admin-key-0123456789")).isTrue();
        assertThat(at(ROTATED).accepts("some-other-key-0123456789")).isFalse();
    }

    @Test
    void withoutAKeyNothingIsAccepted() {
        var none = new AdminKey(Optional.empty(), Optional.empty(), Clock.systemUTC());
        assertThat(none.configured()).isFalse();
        assertThat(none.accepts("")).isFalse();
    }
}
