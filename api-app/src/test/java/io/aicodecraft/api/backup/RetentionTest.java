package io.aicodecraft.api.backup;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure retention decision: names in, names to delete out. */
class RetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final String JAN = "a-20260101T000000Z.dump";
    private static final String JUN = "a-20260601T000000Z.dump";
    private static final String NOV = "a-20261101T000000Z.dump";
    private static final String DEC1 = "a-20261201T000000Z.dump";
    private static final String JUST = "a-20261203T120000Z.dump";
    private static final List<String> FIVE = List.of(NOV, JAN, JUST, DEC1, JUN);

    private static Retention count(int n) {
        return new Retention(OptionalInt.of(n), Optional.empty());
    }

    private static Retention age(Duration d) {
        return new Retention(OptionalInt.empty(), Optional.of(d));
    }

    @Test
    void countKeepsTheNewestByTheTimeInTheirNames() {
        assertThat(count(2).toDelete(FIVE, "a", JUST, NOW)).containsExactly(JAN, JUN, NOV);
    }

    @Test
    void countOfOneKeepsOnlyTheJustStored() {
        assertThat(count(1).toDelete(FIVE, "a", JUST, NOW)).containsExactly(JAN, JUN, NOV, DEC1);
    }

    @Test
    void countAboveTheNumberOfDumpsDeletesNothing() {
        assertThat(count(5).toDelete(FIVE, "a", JUST, NOW)).isEmpty();
        assertThat(count(50).toDelete(FIVE, "a", JUST, NOW)).isEmpty();
    }

    @Test
    void ageDeletesWhatIsOlderThanIt() {
        assertThat(age(Duration.ofDays(40)).toDelete(FIVE, "a", JUST, NOW)).containsExactly(JAN, JUN);
        assertThat(age(Duration.ofDays(2)).toDelete(FIVE, "a", JUST, NOW)).containsExactly(JAN, JUN, NOV, DEC1);
    }

    @Test
    void aDumpExactlyKeepAgeOldIsKept() {
        assertThat(age(Duration.ofDays(2).plusHours(12)).toDelete(FIVE, "a", JUST, NOW))
                .containsExactly(JAN, JUN, NOV);
        assertThat(age(Duration.ofDays(2).plusHours(12).minusSeconds(1)).toDelete(FIVE, "a", JUST, NOW))
                .containsExactly(JAN, JUN, NOV, DEC1);
    }

    @Test
    void bothDeleteWhatEitherWould() {
        // the count alone would delete JAN, JUN; the age alone JAN
        assertThat(new Retention(OptionalInt.of(3), Optional.of(Duration.ofDays(300)))
                .toDelete(FIVE, "a", JUST, NOW)).containsExactly(JAN, JUN);
        // the count alone would delete JAN; the age alone JAN, JUN, NOV
        assertThat(new Retention(OptionalInt.of(4), Optional.of(Duration.ofDays(10)))
                .toDelete(FIVE, "a", JUST, NOW)).containsExactly(JAN, JUN, NOV);
    }

    @Test
    void neitherKeepsEverything() {
        assertThat(Retention.keepAll().toDelete(FIVE, "a", JUST, NOW)).isEmpty();
    }

    @Test
    void theJustStoredDumpIsNeverDeletedEvenWhenItsTimeLooksOld() {
        // a clock behind the others' clocks: the new dump's name is the oldest
        String stored = "a-20250101T000000Z.dump";
        List<String> names = List.of(stored, NOV, DEC1);

        assertThat(count(1).toDelete(names, "a", stored, NOW)).containsExactly(NOV);
        assertThat(age(Duration.ofDays(1)).toDelete(names, "a", stored, NOW)).containsExactly(NOV, DEC1);
    }

    @Test
    void foreignNamesAndOtherStacksAreNeverDeleted() {
        List<String> names = List.of(JAN, JUN, JUST, "a-b-20200101T000000Z.dump", "ab-20200101T000000Z.dump",
                "b-20200101T000000Z.dump", "notes.txt", "a-20200101T000000Z.dump.partial",
                ".a-20200101T000000Z.dump.partial-1", "a-20200101T000000Z.sql", "a-20200101T000000.dump");

        assertThat(count(1).toDelete(names, "a", JUST, NOW)).containsExactly(JAN, JUN);
        assertThat(age(Duration.ofMillis(500)).toDelete(names, "a", JUST, NOW)).containsExactly(JAN, JUN);
    }

    @Test
    void aStackWhoseNameIsAPrefixOfAnotherOnlyPrunesItsOwn() {
        String ab1 = "a-b-20261101T000000Z.dump";
        String ab2 = "a-b-20261201T000000Z.dump";
        String ab3 = "a-b-20261203T120000Z.dump";
        List<String> names = List.of(JAN, JUN, JUST, ab1, ab2, ab3);

        assertThat(count(1).toDelete(names, "a", JUST, NOW)).containsExactly(JAN, JUN);
        assertThat(count(1).toDelete(names, "a-b", ab3, NOW)).containsExactly(ab1, ab2);
    }

    @Test
    void theSameNameListedTwiceCountsOnce() {
        assertThat(count(2).toDelete(List.of(JUN, JUN, DEC1, JUST), "a", JUST, NOW)).containsExactly(JUN);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> count(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> age(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
