package io.aicodecraft.api.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupNameTest {

    @Test
    void nameIsTheStackAndTheUtcSecond() {
        BackupName name = new BackupName("team-a", Instant.parse("2026-12-03T09:05:07.999Z"));

        assertThat(name.fileName()).isEqualTo("team-a-20261203T090507Z.dump");
        assertThat(name.time()).isEqualTo(Instant.parse("2026-12-03T09:05:07Z"));
    }

    @Test
    void parseReadsTheTimeBackFromTheName() {
        assertThat(BackupName.parse("team-a", "team-a-20261203T090507Z.dump"))
                .contains(new BackupName("team-a", Instant.parse("2026-12-03T09:05:07Z")));
    }

    @Test
    void formatAndParseRoundTrip() {
        BackupName name = new BackupName("a1", Instant.parse("1999-01-31T23:59:59Z"));

        assertThat(BackupName.parse("a1", name.fileName())).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a-b-20261203T090507Z.dump",        // stack a-b, not a
            "b-20261203T090507Z.dump",          // another stack
            "a-20261203T090507Z.dump.partial",  // a temporary name
            ".a-20261203T090507Z.dump.partial-1",
            "a-20261203T090507.dump",           // no Z
            "a-20261203T0905071Z.dump",         // a digit too many
            "a-2026120T3090507Z.dump",
            "a-20261203T090507Z.sql",
            "a-20261303T090507Z.dump",          // no 13th month
            "a-20261203T250507Z.dump",          // no 25th hour
            "a-x20261203T090507Z.dump",
            "notes.txt",
            "a.dump"})
    void parseIgnoresEveryOtherName(String fileName) {
        assertThat(BackupName.parse("a", fileName)).isEmpty();
    }

    @Test
    void aStackNamedLikeTheStartOfAnotherParsesOnlyItsOwn() {
        assertThat(BackupName.parse("a-b", "a-b-20261203T090507Z.dump")).isPresent();
        assertThat(BackupName.parse("a", "a-b-20261203T090507Z.dump")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "team_a", "-a", "a-", "a.b", "a/b",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void stackMustBeADns1123Label(String stack) {
        assertThatThrownBy(() -> BackupName.requireStack(stack)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DNS-1123");
    }

    @Test
    void sixtyThreeCharactersAreAStack() {
        String stack = "a".repeat(63);

        assertThat(BackupName.requireStack(stack)).isEqualTo(stack);
    }
}
