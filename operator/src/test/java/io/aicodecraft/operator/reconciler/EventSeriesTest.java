package io.aicodecraft.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventSeriesTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final EventSeries series = new EventSeries();
    private final AtomicInteger names = new AtomicInteger();
    private final EventSeries.Key probeFailed =
            new EventSeries.Key("tenant-a", "uid-1", true, "ApiProbeFailed", "/health/ready answered 503");

    private EventSeries.Next next(EventSeries.Key key, Instant at) {
        return series.next(key, at, () -> "event-" + names.incrementAndGet());
    }

    @Test
    void aRepeatWithinTheWindowCountsOnTheFirstEvent() {
        assertThat(next(probeFailed, T0)).isEqualTo(new EventSeries.Next.Create("event-1"));
        assertThat(next(probeFailed, T0.plusSeconds(30))).isEqualTo(new EventSeries.Next.Repeat("event-1", 2));
        assertThat(next(probeFailed, T0.plusSeconds(60))).isEqualTo(new EventSeries.Next.Repeat("event-1", 3));
    }

    @Test
    void theWindowRunsFromTheLastRepeat() {
        next(probeFailed, T0);
        next(probeFailed, T0.plus(EventSeries.WINDOW));

        assertThat(next(probeFailed, T0.plus(EventSeries.WINDOW.multipliedBy(2))))
                .isEqualTo(new EventSeries.Next.Repeat("event-1", 3));
    }

    @Test
    void afterTheWindowTheSameEventStartsANewSeries() {
        next(probeFailed, T0);

        assertThat(next(probeFailed, T0.plus(EventSeries.WINDOW).plusSeconds(1)))
                .isEqualTo(new EventSeries.Next.Create("event-2"));
    }

    @Test
    void anotherMessageReasonOrStackIsAnotherSeries() {
        next(probeFailed, T0);

        assertThat(next(new EventSeries.Key("tenant-a", "uid-1", true, "ApiProbeFailed", "timed out"), T0))
                .isInstanceOf(EventSeries.Next.Create.class);
        assertThat(next(new EventSeries.Key("tenant-a", "uid-2", true, "ApiProbeFailed", "/health/ready answered 503"), T0))
                .isInstanceOf(EventSeries.Next.Create.class);
    }

    @Test
    void aForgottenSeriesStartsAgain() {
        next(probeFailed, T0);
        series.forget(probeFailed);

        assertThat(next(probeFailed, T0.plusSeconds(1))).isEqualTo(new EventSeries.Next.Create("event-2"));
    }
}
