package io.aicodecraft.api.conversation;

import io.aicodecraft.api.ai.Exchange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which turns fit: tokens are one per four characters, so a turn of two 8-character texts costs 4. */
class ContextWindowTest {
    private static final Exchange FIRST = new Exchange("first q.", "first a.");
    private static final Exchange SECOND = new Exchange("secnd q.", "secnd a.");
    private static final Exchange THIRD = new Exchange("third q.", "third a.");

    @Test
    void everyTurnGoesWhenAllFit() {
        ContextWindow window = ContextWindow.fit(100, Optional.of("12345678"), List.of(FIRST, SECOND), "newmsg!!");

        assertThat(window.kept()).containsExactly(FIRST, SECOND);
        assertThat(window.dropped()).isZero();
        assertThat(window.tokens()).isEqualTo(2 + 2 + 4 + 4);
    }

    @Test
    void theOldestTurnsAreLeftOutFirst() {
        ContextWindow window = ContextWindow.fit(2 + 4 + 4, Optional.empty(), List.of(FIRST, SECOND, THIRD), "newmsg!!");

        assertThat(window.kept()).containsExactly(SECOND, THIRD);
        assertThat(window.dropped()).isOne();
        assertThat(window.tokens()).isEqualTo(10);
    }

    @Test
    void theSystemPromptCountsAgainstTheBudget() {
        ContextWindow window = ContextWindow.fit(2 + 4 + 4, Optional.of("12345678"), List.of(FIRST, SECOND, THIRD),
                "newmsg!!");

        assertThat(window.kept()).containsExactly(THIRD);
        assertThat(window.dropped()).isEqualTo(2);
    }

    @Test
    void aMessageOverTheBudgetAloneIsStillSentWithoutTurns() {
        ContextWindow window = ContextWindow.fit(1, Optional.empty(), List.of(FIRST), "x".repeat(40));

        assertThat(window.kept()).isEmpty();
        assertThat(window.dropped()).isOne();
        assertThat(window.tokens()).isEqualTo(10);
    }

    @Test
    void aNewerTurnThatDoesNotFitEndsTheWindowEvenIfAnOlderWould() {
        Exchange large = new Exchange("x".repeat(40), "y".repeat(40));

        ContextWindow window = ContextWindow.fit(2 + 4 + 4, Optional.empty(), List.of(FIRST, large), "newmsg!!");

        assertThat(window.kept()).isEmpty();
        assertThat(window.dropped()).isEqualTo(2);
    }
}
